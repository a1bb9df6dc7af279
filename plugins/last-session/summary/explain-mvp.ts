import { MVP_FORMULA, MVP_WEIGHTS, compareMvp } from './mvp';
import type { PlayerSessionStats, SessionReport } from './types';

/** How many players the explanation takes apart: the MVP, the runner-up and one more. */
const SHOWN = 3;

const signed = (n: number) => (n < 0 ? `− ${Math.abs(n)}` : `+ ${n}`);

/** One player's points by term: `#clantag: 2 × 58 kills = 116 − 46 deaths + ... = 475.1`. */
function pointsByTerm(p: PlayerSessionStats): string {
  const w = MVP_WEIGHTS;
  const revives = p.revivesGiven ?? 0;
  const damage = (w.damagePer100 * p.damageGiven) / 100;
  return (
    `${p.name}: ${w.kill} × ${p.kills} kills = ${w.kill * p.kills} ${signed(w.death * p.deaths)} (deaths) ` +
    `${signed(damage)} (${p.damageGiven} damage / 100) ${signed(w.revive * revives)} (${w.revive} × ${p.revivesGiven === null ? 'no revives field' : `${revives} revives`}) ` +
    `${signed(w.objective * p.objectives)} (${w.objective} × ${p.objectives} objectives) = ${p.mvpPoints} points`
  );
}

/** Why the session's MVP is the MVP: the formula, the top players' points by term, and the runner-up. */
export function explainMvp(report: Pick<SessionReport, 'players' | 'mvp' | 'date'>): { title: string; lines: string[] } {
  const ranked = [...report.players].sort(compareMvp);
  const [mvp, runnerUp] = ranked;
  const title = `Why: MVP of the session of ${report.date}`;
  if (!mvp) return { title, lines: ['Nobody has a counted round in this session, so there is no MVP.'] };
  const lines = [
    `${MVP_FORMULA} (sums over the session's counted rounds; bots left out unless players.includeBots).`,
    ...ranked.slice(0, SHOWN).map((p, i) => `${i + 1}. ${pointsByTerm(p)}`),
  ];
  if (runnerUp) {
    const gap = Math.round((mvp.mvpPoints - runnerUp.mvpPoints) * 10) / 10;
    lines.push(
      gap > 0
        ? `MVP: ${mvp.name}, ${gap} points ahead of the runner-up ${runnerUp.name}.`
        : `MVP: ${mvp.name}, level with ${runnerUp.name} on points; the higher DPM (then the name) decides.`,
    );
  } else lines.push(`MVP: ${mvp.name}, the only player.`);
  return { title, lines };
}
