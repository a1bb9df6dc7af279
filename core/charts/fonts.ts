import { existsSync } from 'node:fs';
import { registerFont } from 'canvas';

/** DejaVu ships with fonts-dejavu-core on Debian (installed by CI); paths checked in order. */
const DEJAVU_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/TTF', '/usr/share/fonts/dejavu'];
const FAMILY = 'DejaVu Sans';

let resolved: string | undefined;

/**
 * Registers DejaVu Sans (regular and bold) with node-canvas when the TTFs exist and returns the
 * CSS font-family list every chart uses. Falls back to the generic 'sans-serif' that pango maps
 * to whatever fontconfig has. Idempotent; must run before the first canvas is created.
 */
export function chartFontFamily(): string {
  if (resolved !== undefined) return resolved;
  resolved = 'sans-serif';
  for (const dir of DEJAVU_DIRS) {
    const regular = `${dir}/DejaVuSans.ttf`;
    if (!existsSync(regular)) continue;
    try {
      registerFont(regular, { family: FAMILY });
      const bold = `${dir}/DejaVuSans-Bold.ttf`;
      if (existsSync(bold)) registerFont(bold, { family: FAMILY, weight: 'bold' });
      resolved = `"${FAMILY}", sans-serif`;
    } catch {
      // A broken font file is not worth failing a render over: the generic family still works.
    }
    break;
  }
  return resolved;
}
