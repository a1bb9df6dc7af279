/** C0 controls but tab and newline, DEL and C1 controls: a terminal would act on them (colours, bells, cursor moves). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Shows control characters as `\xNN`, so a reply never drives the terminal it is printed on. */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
