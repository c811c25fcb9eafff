/**
 * A scan's margin: a bar (`| `) or a line number (`01 `, ` 9 `) opening every line of a cable at the same width, as a
 * transcription of a printed or displayed copy leaves it. The parser reads the cable with the margin blanked (the same
 * offsets, so every range holds), where it read no field at all before.
 */
import type { Margin } from '../model';
import { isDigit } from '../text';

/** The fewest lines with a margin for a text to be read as having one. */
const MIN_LINES = 5;

/**
 * The margin that opens every line of `text` that is not blank (`| S E C R E T …`, `01 VZCZC…` ⏎ `02 PP RUEHWEB`), with the
 * text to parse, that margin blanked with spaces (the same length); undefined where a line lacks it. A bar is `|` and one
 * space or none, the same on every line; line numbers are digits after spaces, at the same width on every line, each
 * greater than the one before, and a space after them; a line of the margin alone is a blank line. Tried in full only
 * where the text's first character that is no white space is `|` or a digit, which no cable's first line opens with.
 */
export function readMargin(text: string): { margin: Margin; text: string } | undefined {
  let k = 0;
  while (k < text.length && isBlank(text.charCodeAt(k))) k++;
  const first = text.charCodeAt(k);
  if (first !== 124 /* | */ && !isDigit(first)) return undefined;
  // The first line with the margin gives its kind and width.
  let start = k;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  let kind: Margin['kind'];
  let width: number;
  if (first === 124) {
    if (k !== start) return undefined;
    kind = 'bar';
    width = text.charCodeAt(k + 1) === 32 ? 2 : 1;
  } else {
    let end = k;
    while (isDigit(text.charCodeAt(end))) end++;
    if (text.charCodeAt(end) !== 32) return undefined;
    kind = 'numbers';
    width = end + 1 - start;
  }
  const lines: number[] = [];
  const cuts: number[] = [];
  let previous = -1;
  let line = 0;
  let at = 0;
  while (at <= text.length) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const taken = kind === 'bar' ? barAt(text, at, end, width) : numberAt(text, at, end, width);
    if (taken === -1) return undefined;
    if (taken > 0) {
      if (kind === 'numbers') {
        const n = Number(text.slice(at, at + taken).trim());
        if (n <= previous) return undefined;
        previous = n;
      }
      lines.push(line);
      cuts.push(at, at + taken);
    }
    if (end >= text.length) break;
    at = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
  if (lines.length < MIN_LINES) return undefined;
  const parts: string[] = [];
  let from = 0;
  for (let c = 0; c < cuts.length; c += 2) {
    parts.push(text.slice(from, cuts[c]), ' '.repeat(cuts[c + 1] - cuts[c]));
    from = cuts[c + 1];
  }
  parts.push(text.slice(from));
  return { margin: { kind, width, lines }, text: parts.join('') };
}

/** True for a space, a tab or a line break. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * How many characters of the line `[at, end)` the bar takes: `width` (`| `, or `|` alone at width 1), fewer on a line of the
 * bar alone (`|`), 0 on a blank line, and -1 on a line that has text without the bar.
 */
function barAt(text: string, at: number, end: number, width: number): number {
  if (text.charCodeAt(at) !== 124) return onlySpaces(text, at, end) ? 0 : -1;
  if (width === 2 && at + 1 < end && text.charCodeAt(at + 1) !== 32) return -1;
  return Math.min(width, end - at);
}

/**
 * How many characters of the line `[at, end)` its number takes: `width` (spaces, digits and the space after them), fewer on
 * a line of its number alone (`12`), 0 on a blank line, and -1 on a line that has text without one.
 */
function numberAt(text: string, at: number, end: number, width: number): number {
  if (onlySpaces(text, at, end)) return 0;
  let k = at;
  while (k < end && text.charCodeAt(k) === 32) k++;
  const digits = k;
  while (k < end && isDigit(text.charCodeAt(k))) k++;
  if (k === digits || k - at > width - 1) return -1;
  if (k === end) return onlySpaces(text, k, end) ? end - at : -1;
  // The number ends where the margin does, right-aligned or not: "01 VZCZC", " 9 PP", "10 DE" at width 3.
  if (k - at !== width - 1 || text.charCodeAt(k) !== 32) return -1;
  return width;
}

/** True when `[at, end)` holds only spaces and tabs. */
function onlySpaces(text: string, at: number, end: number): boolean {
  for (let k = at; k < end; k++) if (text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 9) return false;
  return true;
}
