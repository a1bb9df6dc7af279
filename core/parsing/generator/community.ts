import type { Rng } from './rng';

export type Role = 'medic' | 'engineer' | 'soldier' | 'fieldops' | 'covertops';

/** A name as the server writes it and its hand-cleaned form (spec §7), so truth never relies on the parser. */
export interface NameVariant {
  raw: string;
  clean: string;
}

export interface Member {
  key: string;
  guid8: string;
  isBot: boolean;
  role: Role;
  /** Relative strength for picking killers (0.6-1.6). */
  skill: number;
  accuracy: number;
  headshotRate: number;
  name: NameVariant;
}

interface MemberTemplate {
  key: string;
  role: Role;
  name: NameVariant;
  isBot?: boolean;
}

/**
 * The community. Names exercise §7: codes such as ^/ and ^?, '^^1' (keeps one caret), a caret
 * before a space (not a code), spaces, quotes, non-ASCII, and a bot. All at most 36 bytes.
 */
const TEMPLATES: readonly MemberTemplate[] = [
  { key: 'snake', role: 'medic', name: { raw: '^1Sn^7ake', clean: 'Snake' } },
  { key: 'slasher', role: 'soldier', name: { raw: '^/sl^7asher', clean: 'slasher' } },
  { key: 'question', role: 'engineer', name: { raw: '^?Qu^7estion', clean: 'Question' } },
  { key: 'doc', role: 'medic', name: { raw: '^4Doc ^7"Holli^4day^7"', clean: 'Doc "Holliday"' } },
  { key: 'spaces', role: 'fieldops', name: { raw: 'two  spaces ^3x', clean: 'two  spaces x' } },
  { key: 'caret', role: 'covertops', name: { raw: '^^1caret', clean: '^caret' } },
  { key: 'gruen', role: 'engineer', name: { raw: '^2Grün^7wald', clean: 'Grünwald' } },
  { key: 'oneil', role: 'soldier', name: { raw: "O'Neil^1!", clean: "O'Neil!" } },
  { key: 'clantag', role: 'medic', name: { raw: '^a#^7cl^aan^7tag', clean: '#clantag' } },
  { key: 'arrow', role: 'engineer', name: { raw: 'arrow ^ up', clean: 'arrow ^ up' } },
  { key: 'rookie', role: 'fieldops', name: { raw: '^xR^7ookie', clean: 'Rookie' } },
  { key: 'phantom', role: 'covertops', name: { raw: '^3ph4ntom', clean: 'ph4ntom' } },
  { key: 'pink', role: 'medic', name: { raw: '^6Mr. ^7Pink', clean: 'Mr. Pink' } },
  { key: 'viper', role: 'engineer', name: { raw: '^9v^7iper?', clean: 'viper?' } },
  { key: 'subway', role: 'soldier', name: { raw: '^8sub^7.way', clean: 'sub.way' } },
  { key: 'bot', role: 'soldier', name: { raw: '^7[BOT]^1Bolt', clean: '[BOT]Bolt' }, isBot: true },
];

/** Later names some members take (§7: a GUID keeps its identity across names). */
export const RENAMES = {
  phantomNewName: { raw: '^5ph4nt0m^7!', clean: 'ph4nt0m!' },
  pinkSpectatorName: { raw: '^6Mr. ^7Brown', clean: 'Mr. Brown' },
  oneilOrphanName: { raw: '^1O^7Neil^1[afk]', clean: 'ONeil[afk]' },
} as const;

export function createCommunity(rng: Rng): Member[] {
  const used = new Set<string>();
  return TEMPLATES.map((t) => {
    let guid8 = 'OMNIBOT0';
    if (!t.isBot) {
      do guid8 = rng.hex8();
      while (used.has(guid8));
      used.add(guid8);
    }
    return {
      key: t.key,
      guid8,
      isBot: t.isBot === true,
      role: t.role,
      skill: 0.6 + rng.next(),
      accuracy: 0.18 + rng.next() * 0.2,
      headshotRate: 0.08 + rng.next() * 0.2,
      name: { ...t.name },
    };
  });
}

/** The identity the bot uses (§9 "Bots"). */
export function identityOf(member: Member): string {
  return member.isBot ? member.guid8 + member.name.clean : member.guid8;
}
