/** Geometry of the six-graph session image: a header, then a 2 x 3 grid of cards. */
export const SESSION_IMAGE_SIZE = { width: 1800, height: 1500 } as const;

const MARGIN = 24;
const GAP = 20;
const HEADER = 78;

export interface CellBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const SESSION_HEADER_HEIGHT = HEADER;

/** Card boxes in reading order: row by row, left to right. */
export function sessionCells(): CellBox[] {
  const { width, height } = SESSION_IMAGE_SIZE;
  const cellW = (width - 2 * MARGIN - GAP) / 2;
  const cellH = (height - HEADER - MARGIN - 2 * GAP) / 3;
  const cells: CellBox[] = [];
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 2; col++) {
      cells.push({ x: MARGIN + col * (cellW + GAP), y: HEADER + row * (cellH + GAP), width: cellW, height: cellH });
    }
  }
  return cells;
}
