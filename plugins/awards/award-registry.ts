import {
  toDisposable,
  type AwardDefinition,
  type AwardRegistry,
  type AwardResult,
  type AwardScope,
  type BotRule,
  type Disposable,
  type RegisteredAward,
  type RoundValueRow,
  type RoundValuesService,
} from 'etbot/plugin-api';
import { computeAwards } from './compute-awards';
import { checkAwardDefinition } from './check-award';

/** The registry the awards plugin provides: built-in and community awards alike. */
export class AwardRegistryImpl implements AwardRegistry {
  private readonly awards: RegisteredAward[] = [];

  constructor(
    private readonly values: RoundValuesService,
    private readonly bots: BotRule,
  ) {}

  add(owner: string, award: AwardDefinition): Disposable {
    checkAwardDefinition(award);
    const clash = this.awards.find((a) => a.definition.id === award.id);
    if (clash) throw new Error(`award '${award.id}' of plugin '${owner}' is already registered by plugin '${clash.owner}'`);
    const entry: RegisteredAward = { owner, definition: award };
    this.awards.push(entry);
    return toDisposable(() => {
      const at = this.awards.indexOf(entry);
      if (at >= 0) this.awards.splice(at, 1);
    });
  }

  list(): readonly RegisteredAward[] {
    return [...this.awards];
  }

  async compute(scope: AwardScope): Promise<AwardResult[]> {
    return computeAwards(this.awards, await this.rowsOf(scope), this.bots);
  }

  private async rowsOf(scope: AwardScope): Promise<RoundValueRow[]> {
    if (scope.kind === 'window') return this.values.inWindow(scope.window, scope.map);
    const rows: RoundValueRow[] = [];
    for (const id of scope.sessionIds) rows.push(...(await this.values.ofSession(id)));
    return rows;
  }
}
