/** Won, lost and drawn, from one side's point of view. */
export interface Record3 {
  won: number;
  lost: number;
  drawn: number;
}

export const emptyRecord = (): Record3 => ({ won: 0, lost: 0, drawn: 0 });

/** Adds one result by points: more than the other side won, fewer lost, equal drawn. */
export function addResult(record: Record3, mine: number, theirs: number): void {
  if (mine > theirs) record.won++;
  else if (mine < theirs) record.lost++;
  else record.drawn++;
}

export function recordText(r: Record3): string {
  return `${r.won} won · ${r.lost} lost · ${r.drawn} drawn`;
}
