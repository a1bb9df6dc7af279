export { Announcements, type AnnouncementSink } from './announcements';
export { LogAnnouncementSink, type LoggedAnnouncement } from './log-sink';
export { AnnouncementServices } from './tokens';
export { announcementsModule } from './module';
