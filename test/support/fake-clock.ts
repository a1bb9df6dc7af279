/** The tests' manual clock is the one plugin authors get from etbot/testing. */
export { ManualClock as FakeClock, settle as flushPromises } from '../../core/testing/manual-clock';
