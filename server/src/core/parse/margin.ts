/**
 * A scan's margin: a bar (`| `) or a line number (`01 `, ` 9 `, `9 ` then `10 `) opening every line of a cable, as a
 * transcription of a printed or displayed copy leaves it. The parser reads the cable with the margin blanked (the same
 * offsets, so every range holds), where it read no field at all before.
 */
import type { Cable, Margin } from '../model';
import { isDigit, partitionPoint, skipSpaces } from '../text';

/** The fewest lines with a margin for a text to be read as having one. */
const MIN_LINES = 5;
/**
 * How many lines with the margin a margined text holds at least for each line with text and none (a stray line: no bar or
 * number at all, `-- `, `Para 3`, or on a margin of line numbers a number that does not rise, `12 ships` under `40 …`): the
 * lines a writer types into a scan after Enter, which writes no margin (`| -- fares;` ⏎ `-- `), are read as they stand, so
 * that the margin, and what the parser reads past it, does not come and go with each line typed, however many lines are
 * typed, as long as they stay few beside the scan's. A text without a margin whose first character is a digit (a numbered
 * list, `1 apple` ⏎ `2 pear`, or a date) has far more lines of its own than lines that open with a number rising from line to
 * line. A line that opens with the bar but not at its width (`|x` where the bar is `| `) still reads as no margin at all.
 */
const STRAY_RATIO = 5;

/**
 * The margin that opens every line of `text` that is not blank (`| S E C R E T …`, `01 VZCZC…` ⏎ `02 PP RUEHWEB`), with the
 * text to parse, that margin blanked with spaces (the same length); undefined where a line lacks it, but for lines typed
 * without it, few beside those with it ({@link STRAY_RATIO}), which are read as they stand. A bar is `|` and one
 * space or none, the same on every line; line numbers are digits after at most a few spaces, each greater than the one
 * before, and a space after them; a line of the margin alone is a blank line. The numbers may stand at two widths (`9 ` then
 * `10 `, `9  ` then `10 `, ` 9 ` then `10 `): where the text of every line starts at or after the widest number and its
 * space, the margin is that wide on every line (aligned), and otherwise each line's is its own number and one space. Tried
 * in full only where the text's first character that is no white space is `|` or a digit, which no cable's first line
 * opens with.
 */
export function readMargin(text: string): { margin: Margin; text: string } | undefined {
  let k = 0;
  while (k < text.length && isBlank(text.charCodeAt(k))) k++;
  const first = text.charCodeAt(k);
  if (first !== 124 /* | */ && !isDigit(first)) return undefined;
  // The first line with the margin gives its kind (and a bar's width).
  let start = k;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  const kind: Margin['kind'] = first === 124 ? 'bar' : 'numbers';
  if (kind === 'bar' && k !== start) return undefined;
  const barWidth = kind === 'bar' ? barWidthFrom(text, k) : 1;
  const lines: number[] = [];
  // Per line with the margin: where it starts, how many characters its number and space (or its bar) take, and where its
  // text starts (-1 on a line of the margin alone).
  const starts: number[] = [];
  const taken: number[] = [];
  const texts: number[] = [];
  // The numbers of the lines with a margin of line numbers.
  const numbers: number[] = [];
  // Lines with text that open with neither a bar nor a number, or with a number out of the margin's rise: the lines Enter has
  // made and typed on.
  let stray = 0;
  let line = 0;
  let at = 0;
  while (at <= text.length) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    if (kind === 'bar') {
      const width = barAt(text, at, end, barWidth);
      if (width === -1) return undefined;
      if (width === -2) stray++;
      else if (width > 0) {
        lines.push(line);
        starts.push(at);
        taken.push(width);
        texts.push(-1);
      }
    } else if (!onlySpaces(text, at, end)) {
      const digitsEnd = numberEnd(text, at, end);
      const n = digitsEnd === -1 ? -1 : numberBefore(text, digitsEnd);
      const last = numbers.length - 1;
      const rises = last < 0 || n > numbers[last];
      // A number that does not rise opens a line typed without the margin (`12 ships arrived` or `40 ships` under `40 …`),
      // unless it rises from the line before the one above, which rose too far and was so typed (`2010 budget` between
      // `40 …` and `41 …`): the lines typed are read as they stand.
      const aboveTyped = !rises && n !== numbers[last] && last > 0 && n > numbers[last - 1];
      if (n === -1 || (!rises && !aboveTyped)) stray++;
      else {
        if (aboveTyped) {
          stray++;
          numbers.pop();
          lines.pop();
          starts.pop();
          taken.pop();
          texts.pop();
        }
        numbers.push(n);
        let textStart = digitsEnd;
        while (textStart < end && (text.charCodeAt(textStart) === 32 || text.charCodeAt(textStart) === 9)) textStart++;
        lines.push(line);
        starts.push(at);
        taken.push(textStart === end ? end - at : digitsEnd + 1 - at);
        texts.push(textStart === end ? -1 : textStart - at);
      }
    }
    at = nextLine(text, end);
    if (at === -1) break;
    line++;
  }
  if (lines.length < MIN_LINES || stray * STRAY_RATIO > lines.length) return undefined;
  const widths = kind === 'bar' ? taken : numberWidths(taken, texts);
  const parts: string[] = [];
  let from = 0;
  for (let c = 0; c < starts.length; c++) {
    parts.push(text.slice(from, starts[c]), ' '.repeat(widths[c]));
    from = starts[c] + widths[c];
  }
  parts.push(text.slice(from));
  let width = 0;
  for (const w of widths) if (w > width) width = w;
  return { margin: { kind, width, widths, lines }, text: parts.join('') };
}

/**
 * The bar's width, `| ` (2) or `|` (1), from the first line from `at` on that holds more than a bar at its start: a line of
 * the bar alone (the blank line a cable opens with, `|` ⏎ `| VZCZC…`) tells none, and read as `|` the margin left a space
 * before every line's text. 1 where no such line is.
 */
function barWidthFrom(text: string, at: number): number {
  for (let k = at; k < text.length; ) {
    if (text.charCodeAt(k) === 124) {
      const next = text.charCodeAt(k + 1);
      if (next === 32) return 2;
      if (next !== 10 && next !== 13 && k + 1 < text.length) return 1;
    }
    while (k < text.length && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
    k = nextLine(text, k);
    if (k === -1) break;
  }
  return 1;
}

/** Where the line after the one ending at `end` starts, -1 after the last. */
function nextLine(text: string, end: number): number {
  if (end >= text.length) return -1;
  return end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
}

/** The number whose last digit is right before `end`. */
function numberBefore(text: string, end: number): number {
  let digits = end;
  while (isDigit(text.charCodeAt(digits - 1))) digits--;
  return Number(text.slice(digits, end));
}

/** The most spaces a line number's margin puts before it (right-aligned numbers up to 99,999 lines). */
const MAX_PAD = 4;

/**
 * Where the line number that opens the line `[at, end)` ends: after at most {@link MAX_PAD} spaces and one to five digits,
 * before a space or the line's end; -1 where the line opens otherwise.
 */
function numberEnd(text: string, at: number, end: number): number {
  let k = at;
  while (k < end && k - at < MAX_PAD && text.charCodeAt(k) === 32) k++;
  const digits = k;
  while (k < end && k - digits < 5 && isDigit(text.charCodeAt(k))) k++;
  if (k === digits || (k < end && text.charCodeAt(k) !== 32)) return -1;
  return k;
}

/**
 * Each line's margin of line numbers: the widest number and its space on every line where every line's text starts at or
 * after it (`01 `, ` 9 ` ⏎ `10 `, `9  ` ⏎ `10 `), fewer on a line of its number alone that is shorter; otherwise each line's
 * own number and space (`9 ` ⏎ `10 `), so that no text is taken.
 */
function numberWidths(taken: readonly number[], texts: readonly number[]): readonly number[] {
  let widest = 0;
  for (let c = 0; c < taken.length; c++) if (texts[c] !== -1 && taken[c] > widest) widest = taken[c];
  let aligned = true;
  for (let c = 0; c < taken.length; c++) if (texts[c] !== -1 && texts[c] < widest) aligned = false;
  return aligned ? taken.map((t, c) => (texts[c] === -1 ? t : widest)) : taken;
}

/** True for a space, a tab or a line break. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * How many characters of the line `[at, end)` the bar takes: `width` (`| `, or `|` alone at width 1), fewer on a line of the
 * bar alone (`|`), 0 on a blank line, -2 on a line that has text without the bar (a stray line, {@link STRAY_RATIO}), and -1 on
 * a line that opens with the bar but not at its width (`|x` where the bar is `| `).
 */
function barAt(text: string, at: number, end: number, width: number): number {
  if (text.charCodeAt(at) !== 124) return onlySpaces(text, at, end) ? 0 : -2;
  if (width === 2 && at + 1 < end && text.charCodeAt(at + 1) !== 32) return -1;
  return Math.min(width, end - at);
}

/** True when `[at, end)` holds only spaces and tabs. */
function onlySpaces(text: string, at: number, end: number): boolean {
  for (let k = at; k < end; k++) if (text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 9) return false;
  return true;
}

// The lines of each cable with a margin as the parser read them, made once a cable.
const readLines = new WeakMap<Cable, readonly string[]>();

/**
 * `cable.lines` as the parser read them: a scan's margin (`Cable.margin`, `| `, `07 `) written as spaces, the same length,
 * so that a rule or feature that reads what starts a line (its first characters, its indentation, whether it is blank)
 * reads past the margin, and every offset it gives holds in the document; `cable.lines` itself where there is none.
 * Quote and edit from `cable.lines`, which are the document's.
 */
export function linesAsRead(cable: Cable): readonly string[] {
  const margin = cable.margin;
  if (margin === undefined) return cable.lines;
  let lines = readLines.get(cable);
  if (lines === undefined) {
    const copy = cable.lines.slice();
    margin.lines.forEach((line, k) => {
      const text = copy[line];
      const width = Math.min(margin.widths[k], text.length);
      copy[line] = ' '.repeat(width) + text.slice(width);
    });
    lines = copy;
    readLines.set(cable, lines);
  }
  return lines;
}

/**
 * How many characters a scan's margin takes at the start of `line` (`| `, `07 `: `Cable.margin`), 0 on a line with none:
 * where the line's own text may start.
 */
export function marginWidth(cable: Cable, line: number): number {
  const margin = cable.margin;
  if (margin === undefined) return 0;
  const k = partitionPoint(margin.lines, (l) => l < line);
  return margin.lines[k] === line ? margin.widths[k] : 0;
}

/**
 * The margin's place on the lines typed without it (`Cable.margin`, a line it does not list): how many of the spaces that
 * open each such line stand for the margin, as Enter wrote them there (the next paragraph's number, dash item or REF letter
 * in the column of the line above, past the margin written as spaces: `| ¶4. (C) …` ⏎ `  ¶5. (C) …`, `| REF: A. STATE 1` ⏎
 * `       B. PARIS 7`) and as the editor's Enter kept them on the lines typed under those. Such a line opens with at least the
 * margin's width in spaces: the width of the nearest line above it that carries the margin and text past it (the nearest
 * below, for a line above every such line), or, where the numbers stand at two widths and the line's spaces are fewer, the
 * widest of the margin's widths they hold (Enter wrote the width of a marker's line, `9 ¶3. …`, under `10 …`); those
 * spaces are the margin, and the rest the line's own indentation (an item's, a table's, a REF letter's column). A line
 * typed with fewer spaces (at its first column, `-- typed;`, `  1 ships` among 4-wide numbers) or only white space is
 * left out: it was typed, not written in the margin's place. In line order.
 */
export function typedMargins(cable: Cable): { readonly line: number; readonly width: number }[] {
  const margin = cable.margin;
  if (margin === undefined) return [];
  const lines = cable.lines;
  // The lines that carry the margin and text past it, with their margin's widths; a line of the margin alone is shorter.
  const carried: number[] = [];
  const widths: number[] = [];
  margin.lines.forEach((line, k) => {
    const text = lines[line];
    const w = margin.widths[k];
    if (text.length > w && skipSpaces(text, w) < text.length) {
      carried.push(line);
      widths.push(w);
    }
  });
  if (carried.length === 0) return [];
  const distinct = [...new Set(widths)].sort((a, b) => b - a);
  const out: { line: number; width: number }[] = [];
  let m = 0;
  let c = 0;
  for (let line = 0; line < lines.length; line++) {
    if (m < margin.lines.length && margin.lines[m] === line) {
      m++;
      continue;
    }
    const text = lines[line];
    let lead = 0;
    while (text.charCodeAt(lead) === 32) lead++;
    if (lead === 0 || skipSpaces(text, lead) === text.length) continue;
    while (c + 1 < carried.length && carried[c + 1] < line) c++;
    const nearest = widths[c];
    const width = lead >= nearest ? nearest : distinct.find((w) => w <= lead);
    if (width !== undefined) out.push({ line, width });
  }
  return out;
}
