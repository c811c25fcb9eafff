/**
 * Text helpers shared by the parser, the rules and the features.
 *
 * Lines are split on `\r\n`, `\r` and `\n`, exactly as LSP and VS Code count
 * them, so a position computed here is a position in the editor.
 */
import type { NumberToken, Paragraph, Position, Range, Token } from './model';

/** Splits text into lines without their terminators. Never loses a character but the terminators. */
export function splitLines(text: string): string[] {
  // Most files end lines with "\n" only: splitting on a string is about twice as fast.
  return text.indexOf('\r') < 0 ? text.split('\n') : text.split(/\r\n|\r|\n/);
}

/** Runs of white space, for `replace(WHITE_RUNS, ' ')` (which starts from the beginning each time, whatever `lastIndex` says). */
export const WHITE_RUNS = /\s+/g;

/**
 * True for the characters `String.prototype.trim` removes: ASCII space and
 * controls 9–13, no-break space, BOM and the Unicode space separators.
 */
export function isSpace(c: number): boolean {
  return SPACES[c] === 1;
}

/**
 * 1 for each character {@link isSpace} holds for, over all UTF-16 code units. A table read the same way for every
 * character, where the comparisons for the characters beyond ASCII, first run after the optimizing compiler had compiled
 * every function that inlines `isSpace` (the corpus's first cables have none), deoptimized five of them.
 */
const SPACES = (() => {
  const table = new Uint8Array(65536);
  for (const c of [9, 10, 11, 12, 13, 32, 160, 5760, 8232, 8233, 8239, 8287, 12288, 65279]) table[c] = 1;
  table.fill(1, 8192, 8203);
  return table;
})();

/** True for the ASCII digits 0–9. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** {@link CASE_KEPT}: a character `toUpperCase` leaves as it is; a small letter a–z. */
const KEPT = 1;
const SMALL = 2;

/**
 * What `toUpperCase` does to each character up to U+206F that {@link upperCase} and {@link inCapitals} read without the
 * engine: keeps it ({@link KEPT}: ASCII but a–z, the Latin-1 signs and capitals, not "µ" nor "ß" and the small letters after
 * it but "÷", and General Punctuation, U+2000–U+206F: curly quotes, dashes, the ellipsis) or, for a–z, changes it
 * ({@link SMALL}); 0 for the rest, which the engine upper-cases. One table read for every character, where comparisons
 * for those beyond ASCII, first run after the optimizing compiler had compiled the two functions, deoptimized them.
 */
const CASE_KEPT = (() => {
  const table = new Uint8Array(0x2070);
  for (let c = 0; c < 0xdf; c++) table[c] = KEPT;
  for (let c = 97; c <= 122; c++) table[c] = SMALL;
  table[0xb5] = 0;
  table[0xf7] = KEPT;
  for (let c = 0x2000; c < 0x2070; c++) table[c] = KEPT;
  return table;
})();

/**
 * `text.toUpperCase()`, without asking the engine when `text` holds no small letter a–z and nothing beyond ASCII but the
 * characters that `toUpperCase` leaves as they are and cables hold ({@link CASE_KEPT}: the pilcrow, curly quotes), as most
 * words upper-cased in a cable already are ("CONFIDENTIAL", a TAG, "INFO"): the engine's call costs more than reading a
 * short line, and its answer for such a text is the text itself.
 */
export function upperCase(text: string): string {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= CASE_KEPT.length || CASE_KEPT[c] !== KEPT) return text.toUpperCase();
  }
  return text;
}

/**
 * `text === text.toUpperCase()`, the text in capitals, without asking the engine when `text` holds nothing beyond ASCII
 * but the characters {@link CASE_KEPT} keeps: then a small letter a–z is all that the engine would change.
 */
export function inCapitals(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    const kept = c < CASE_KEPT.length ? CASE_KEPT[c] : 0;
    if (kept !== KEPT) return kept === SMALL ? false : text === text.toUpperCase();
  }
  return true;
}

/**
 * How many leading items `before` holds for, in a list where it holds for a prefix and fails for the rest (items in
 * text order, `before` asking whether one comes before some place): the index of the first item it fails for, found
 * by binary search.
 */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True for the ASCII capitals A–Z. */
export function isCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** True for the ASCII small letters a–z. */
export function isSmall(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** True for the ASCII letters A–Z and a–z. */
export function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** True for ASCII letters and digits. */
export function isAlnum(c: number): boolean {
  // Compared here rather than through `isLetter` and `isDigit`: `cablelint` runs without inlining (cli/v8Flags.ts).
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** True for a letter or digit of any script (`É`, `٣`), as a word of prose is made of; punctuation and dashes are not. */
export function isWordCharacter(c: string | undefined): boolean {
  return c !== undefined && WORD_CHARACTER.test(c);
}

const WORD_CHARACTER = /^[\p{L}\p{N}]/u;

/** Whether `text` (a line) is empty or white space only. */
export function isBlank(text: string): boolean {
  return skipSpaces(text) === text.length;
}

/** Offset of the first non-space character of `text` at or after `from`, or `text.length`. */
export function skipSpaces(text: string, from = 0): number {
  let i = from;
  // The table read here rather than through `isSpace`: `cablelint` runs without inlining (cli/v8Flags.ts), where each
  // character would cost a call.
  while (i < text.length && SPACES[text.charCodeAt(i)] === 1) i++;
  return i;
}

/**
 * Offset of the first white-space character of `text` at or after `from`, or `text.length`: where a word that starts at
 * `from` ends. The table read in place, as {@link skipSpaces} reads it.
 */
export function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && SPACES[text.charCodeAt(i)] !== 1) i++;
  return i;
}

/**
 * True for the invisible characters beyond the controls that CBL035 reports (its `INVISIBLE` class): the zero-width space,
 * non-joiner and joiner and the direction marks (U+200B–U+200F), the word joiner (U+2060) and the BOM (U+FEFF).
 */
export function isInvisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff;
}

/**
 * Where a portion marking looked for at `at` starts when invisible characters stand before it ("¶2. \u200B(C) …"): past them
 * and any white space among them, which CBL035 reports and the marking's reading passes over. `at` itself when the character
 * there is no invisible one, which one comparison tells for almost every line.
 */
export function markingStart(text: string, at: number): number {
  let c = text.charCodeAt(at);
  if (c < 0x200b || !isInvisible(c)) return at;
  let k = at;
  while (k < text.length && (isInvisible((c = text.charCodeAt(k))) || isSpace(c))) k++;
  return k;
}

/**
 * True when the release blanked line `text`: after a paragraph's number and marking, if any ("¶6. xxxxxxxxxxxx",
 * "¶7. (C) XXXXXXXXXXXX"), it holds redactions and nothing else but white space and punctuation around and between
 * them ("XXXXXXXXXXXX", "xxxxxxxxxxxx", "XXXXXXXXXXXX XXXXXXXXXXXX", "XXXXXXXXXXXX."). A redaction is an X-run as the
 * parser reads one: four or more capitals, or five or more small letters, with no letter next to it. There the
 * release blanked whole paragraphs, or the rest of one, where a redaction among words ("told XXXXXXXXXXXX on May 4") blanks
 * words. The parser (a marker after such a line numbers a paragraph; such a line alone is no heading) and the rules (a gap
 * in the numbering after it, a banner above the markings left) ask this one question.
 */
export function isBlankedLine(text: string): boolean {
  const end = text.length;
  let k = skipSpaces(text);
  // "¶6.", "¶ 13.", "¶2", "7.", "12..": a paragraph's number, then "(C)", "(S/NF)": its marking.
  const first = text.charCodeAt(k);
  if (first === 182 /* ¶ */ || isDigit(first)) {
    if (first === 182) k = text.charCodeAt(k + 1) === 32 ? k + 2 : k + 1;
    const digits = k;
    while (k < end && k - digits < 4 && isDigit(text.charCodeAt(k))) k++;
    if (k === digits || k - digits > 3) return false;
    const dots = k;
    while (k < end && k - dots < 3 && text.charCodeAt(k) === 46 /* . */) k++;
    if (k - dots > 2 || (first !== 182 && k === dots)) return false;
    k = skipSpaces(text, k);
    if (text.charCodeAt(k) === 40 /* ( */) {
      const close = text.indexOf(')', k);
      // "(XXXXXXXXXXXX)" is a redaction in brackets, not a marking.
      if (close > k && close - k <= 24 && !hasRedaction(text, k + 1, close)) k = close + 1;
    }
  }
  let runs = 0;
  while (k < end) {
    const c = text.charCodeAt(k);
    if (c === 88 /* X */ || c === 120 /* x */) {
      const start = k;
      while (k < end && text.charCodeAt(k) === c) k++;
      if (k - start < (c === 88 ? 4 : 5) || (k < end && isLetter(text.charCodeAt(k)))) return false;
      runs++;
      continue;
    }
    if (isAlnum(c)) return false;
    k++;
  }
  return runs > 0;
}

/** True when an X-run of a redaction's length stands between `from` and `to`. */
function hasRedaction(text: string, from: number, to: number): boolean {
  const at = text.indexOf('XXXX', from);
  if (at >= 0 && at < to) return true;
  const small = text.indexOf('xxxxx', from);
  return small >= 0 && small < to;
}

/**
 * True when `text` looks binary rather than like a cable: it holds a NUL character (U+0000, a NUL byte
 * read as UTF-8), which no cable has and binary formats soon do. `cablelint` skips such a file, the
 * language server runs no check on it and says so once, and the workspace index leaves it out.
 */
export function looksBinary(text: string): boolean {
  return text.includes('\0');
}

/** Offset just after the last non-space character of `text` before `to`, or `from`. */
export function trimEndOffset(text: string, to = text.length, from = 0): number {
  let i = to;
  // The table read here, as in `skipSpaces`.
  while (i > from && SPACES[text.charCodeAt(i - 1)] === 1) i--;
  return i;
}

/**
 * Where each line's text starts and ends, and the characters there: read once, so that
 * later passes can decide most lines without touching the strings again.
 */
export interface LineShapes {
  /** Offset of the first non-space character, or -1 for a blank line. */
  readonly indents: Int32Array;
  /** Offset just after the last non-space character ({@link trimEndOffset}); 0 for a blank line. */
  readonly ends: Int32Array;
  /** Offset of the line's first character in the whole text. */
  readonly offsets: Int32Array;
  /** The first non-space character; 0 for a blank line. */
  readonly firsts: Uint16Array;
  /** The character after it; 0 when there is none. */
  readonly seconds: Uint16Array;
  /** The last non-space character; 0 for a blank line. */
  readonly lasts: Uint16Array;
}

// Memory reused by every call of splitShapes: allocating six typed arrays per cable costs
// more than reading a short cable. The arrays handed out are views of it.
let capacity = 0;
let scratchIndents = new Int32Array(0);
let scratchEnds = new Int32Array(0);
let scratchOffsets = new Int32Array(0);
let scratchFirsts = new Uint16Array(0);
let scratchSeconds = new Uint16Array(0);
let scratchLasts = new Uint16Array(0);

/** Grows the scratch arrays to hold at least `n` lines, keeping what they hold. */
function reserve(n: number): void {
  if (n <= capacity) return;
  capacity = Math.max(n, 2 * capacity, 1024);
  const grow32 = (old: Int32Array) => {
    const a = new Int32Array(capacity);
    a.set(old);
    return a;
  };
  const grow16 = (old: Uint16Array) => {
    const a = new Uint16Array(capacity);
    a.set(old);
    return a;
  };
  scratchIndents = grow32(scratchIndents);
  scratchEnds = grow32(scratchEnds);
  scratchOffsets = grow32(scratchOffsets);
  scratchFirsts = grow16(scratchFirsts);
  scratchSeconds = grow16(scratchSeconds);
  scratchLasts = grow16(scratchLasts);
}

/**
 * Reads the shape of line `i`, the text from `p` to `stop`, into the scratch arrays. White space is read from the table in
 * place, as {@link skipSpaces} reads it: a call of `isSpace` for each character of an indent or a blank line's spaces cost
 * `cablelint` a call (it runs without inlining, cli/v8Flags.ts).
 */
function readShape(text: string, i: number, p: number, stop: number): void {
  scratchOffsets[i] = p;
  let lead = p;
  // An empty last line starts at the end of the text: no character to read (and no read past the end).
  let c = p < stop ? text.charCodeAt(p) : 32;
  // Most lines start with a printable ASCII character.
  if (!(c > 32 && c < 127)) {
    while (lead < stop && SPACES[text.charCodeAt(lead)] === 1) lead++;
    if (lead === stop) {
      scratchIndents[i] = -1;
      scratchEnds[i] = 0;
      scratchFirsts[i] = 0;
      scratchSeconds[i] = 0;
      scratchLasts[i] = 0;
      return;
    }
    c = text.charCodeAt(lead);
  }
  scratchIndents[i] = lead - p;
  scratchFirsts[i] = c;
  scratchSeconds[i] = lead + 1 < stop ? text.charCodeAt(lead + 1) : 0;
  let end = stop;
  let d = text.charCodeAt(end - 1);
  if (!(d > 32 && d < 127)) {
    while (end > lead && SPACES[text.charCodeAt(end - 1)] === 1) end--;
    d = text.charCodeAt(end - 1);
  }
  scratchEnds[i] = end - p;
  scratchLasts[i] = d;
}

/**
 * Splits `text` into lines as {@link splitLines} does and reads their {@link LineShapes}
 * from the whole text in the same pass. The arrays are views of memory that the next call
 * reuses: use them before calling again, and never keep them.
 */
export function splitShapes(text: string): { lines: string[]; shapes: LineShapes } {
  const lines: string[] = [];
  let p = 0;
  // The next "\r" and "\n" at or after p (-1 when there is none left: most texts have no "\r").
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  for (let i = 0; ; i++) {
    if (cr >= 0 && cr < p) cr = text.indexOf('\r', p);
    if (lf >= 0 && lf < p) lf = text.indexOf('\n', p);
    const q = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
    const stop = q < 0 ? text.length : q;
    // Stored at its index rather than pushed: the optimized loop called the push builtin for every line.
    lines[i] = text.slice(p, stop);
    if (i >= capacity) reserve(i + 1);
    readShape(text, i, p, stop);
    if (q < 0) break;
    p = q === cr && text.charCodeAt(q + 1) === 10 ? q + 2 : q + 1;
  }
  const n = lines.length;
  const shapes: LineShapes = {
    indents: scratchIndents.subarray(0, n),
    ends: scratchEnds.subarray(0, n),
    offsets: scratchOffsets.subarray(0, n),
    firsts: scratchFirsts.subarray(0, n),
    seconds: scratchSeconds.subarray(0, n),
    lasts: scratchLasts.subarray(0, n),
  };
  return { lines, shapes };
}

/**
 * Sets `bit` in `out` for the lines holding a match of the global `pattern` anywhere in `text`.
 * One scan of the whole text is much cheaper than one per line.
 */
export function markLinesMatching(text: string, offsets: Int32Array, pattern: RegExp, out: Uint8Array, bit = 1): void {
  pattern.lastIndex = 0;
  let line = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    while (line + 1 < offsets.length && offsets[line + 1] <= match.index) line++;
    out[line] |= bit;
    // One hit per line is enough.
    if (line + 1 >= offsets.length) break;
    pattern.lastIndex = offsets[line + 1];
  }
}

/**
 * Sets `bit` in `out` for the lines holding an occurrence of `needle` that
 * `accept(offset)` confirms (every one, without `accept`), each line once. For a needle that opens with a rare
 * character ("(", "XXXX", "00"), `indexOf` finds candidates much faster than a
 * regular expression can.
 */
export function linesWith(text: string, offsets: Int32Array, needle: string, accept: ((at: number) => boolean) | undefined, out: Uint8Array, bit = 1): void {
  let line = 0;
  let at = text.indexOf(needle);
  while (at >= 0) {
    if (accept === undefined || accept(at)) {
      // The line is walked to only for a confirmed hit: most hits ("(C)", "10:30") are not.
      while (line + 1 < offsets.length && offsets[line + 1] <= at) line++;
      out[line] |= bit;
      // One hit per line is enough.
      if (line + 1 >= offsets.length) return;
      at = text.indexOf(needle, offsets[line + 1]);
    } else {
      at = text.indexOf(needle, at + 1);
    }
  }
}

/**
 * The lines holding `needle` (a string with no line break, or a global pattern matching none), in order, given the `lines`
 * split from `text` ({@link splitLines}): one search of the whole text, the lines walked to by their lengths, for a model
 * that keeps no offsets. For a needle most lines lack ("¶", a capital "Q", "ref" or "para") this is much cheaper than
 * searching or reading each line, and the walk stops at the last hit; after a hit the search goes on from the next line.
 */
export function linesHolding(text: string, lines: readonly string[], needle: string | RegExp): number[] {
  const find = (from: number): number => {
    if (typeof needle === 'string') return text.indexOf(needle, from);
    needle.lastIndex = from;
    return needle.exec(text)?.index ?? -1;
  };
  const found: number[] = [];
  // `start` is where `line` starts in the text: each line is followed by its terminator, \r\n, \r or \n.
  let at = find(0);
  for (let line = 0, start = 0; at >= 0 && line < lines.length; line++) {
    const end = start + lines[line].length;
    if (at < end) {
      found.push(line);
      at = find(end);
    }
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return found;
}

/**
 * Offsets of the first character of every line. With `lines`, only those of the first `lines` lines and of the line
 * after them when the text has one: the scan stops there, so that a long text is read only as far as it is needed.
 */
export function lineStarts(text: string, lines = Infinity): number[] {
  const starts = [0];
  for (let i = 0; i < text.length && starts.length <= lines; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * `position` moved inside the text of `lines`, as {@link offsetAt} reads a position outside it: a line before the first
 * is the text's start, a line past the last its end, and a character past its line's end (or before its start) that end
 * (or start). A feature given such a position would answer ranges outside the text.
 */
export function clampPosition(lines: readonly string[], position: Position): Position {
  const { line, character } = position;
  if (line < 0) return { line: 0, character: 0 };
  if (line >= lines.length) return { line: lines.length - 1, character: lines[lines.length - 1].length };
  const length = lines[line].length;
  return character < 0 ? { line, character: 0 } : character > length ? { line, character: length } : position;
}

/** Converts a position to an offset, clamping to the text. */
export function offsetAt(text: string, starts: readonly number[], position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line];
  const next = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
  // The end of a line is before its terminator.
  let end = next;
  if (position.line + 1 < starts.length) {
    end = text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }
  return Math.min(Math.max(start + position.character, start), end);
}

/** A position. */
export function pos(line: number, character: number): Position {
  return { line, character };
}

/** A range on one line. */
export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** A range spanning lines. */
export function spanRange(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** The range of a whole line, without its terminator. */
export function lineRange(lines: readonly string[], line: number): Range {
  return range(line, 0, lines[line]?.length ?? 0);
}

/** A token for `lineText.slice(start, end)` on line `line`. */
export function token(line: number, lineText: string, start: number, end: number): Token {
  return { text: lineText.slice(start, end), range: range(line, start, end) };
}

/**
 * `text` as a string of its own, sharing no memory with the text it was cut from. V8 makes a slice of 13 characters or
 * more a view of the whole string it was cut from, so a cache that kept such a slice past the parse would keep the whole
 * document alive; a shorter slice is a copy already. The caches of the parser keep their texts through this.
 */
export function ownCopy<T extends string | undefined>(text: T): T {
  return (text === undefined || text.length < 13 ? text : text.split('').join('')) as T;
}

/** A number token; `value` defaults to the digits in the text. */
export function numberToken(line: number, lineText: string, start: number, end: number, value?: number): NumberToken {
  return { text: lineText.slice(start, end), range: range(line, start, end), value: value ?? digitsValue(lineText, start, end) };
}

/** The number the digits in `[start, end)` spell, other characters skipped; NaN when there are none. */
export function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  let digits = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
    }
  }
  return digits > 0 ? value : NaN;
}

/**
 * The number the ASCII digits of `digits` spell, as `parseInt(digits, 10)` reads them, for a text made of digits only (a
 * pattern's `\d` group): read in place, where `parseInt` of a string calls into the engine's runtime.
 */
export function digitsNumber(digits: string): number {
  return digitsValue(digits, 0, digits.length);
}

/** True when `a` and `b` are the same position. */
export function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** True when `a` is before `b`. */
export function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** True when `position` lies in `[range.start, range.end]` (the end is included, as editors expect for hovers). */
export function contains(r: Range, position: Position): boolean {
  return !isBefore(position, r.start) && !isBefore(r.end, position);
}

/** True when `inner` lies within `outer`. */
export function containsRange(outer: Range, inner: Range): boolean {
  return !isBefore(inner.start, outer.start) && !isBefore(outer.end, inner.end);
}

/** The smallest range covering both. */
export function union(a: Range, b: Range): Range {
  return { start: isBefore(a.start, b.start) ? a.start : b.start, end: isBefore(a.end, b.end) ? b.end : a.end };
}

/**
 * "Comment, continued:", "Comment cont'd:", "COMMENT (CONTINUED):", "COMMENT (CONT):" (09RPODUBAI379), "Comment cont.:": a
 * paragraph's text that goes on with the Comment before it. "Comment, contrary to …" is none: "cont" ends its word.
 */
export const COMMENT_CONTINUED = /^comment(?:\s*[,(-]\s*|\s+)(?:continued|cont['\u2019]?d|cont)\b/i;

/** Where a paragraph's text starts on its first line: after the marker and the marking right after it. */
export function paragraphTextStart(lines: readonly string[], p: Paragraph): number {
  const line = lines[p.range.start.line];
  const start = skipSpaces(line, p.marker.range.end.character);
  // "2. (C" ⏎ ") The …": of a marking split over two lines, its piece on the number's line.
  const marking = p.portion?.split?.[0] ?? p.portion?.token.range;
  // "¶2. \u200B(C) The …": a marking past invisible characters is the paragraph's too.
  return marking && marking.start.line === p.range.start.line && marking.start.character === markingStart(line, start) ? skipSpaces(line, marking.end.character) : start;
}

/**
 * The index of the paragraph holding line `line`, or -1 (paragraphs are in text order and do not overlap). A line that a
 * paragraph is glued into ("… was working. 16. (C) On fares, …") holds two: the last one starting on it, or with `character`
 * the last one starting at or before that character.
 */
export function paragraphIndexAt(paragraphs: readonly Paragraph[], line: number, character = Infinity): number {
  const k = partitionPoint(paragraphs, (p) => p.range.start.line < line || (p.range.start.line === line && p.range.start.character <= character)) - 1;
  return k >= 0 && paragraphs[k].range.end.line >= line ? k : -1;
}

/**
 * The words that may stand before a block marker's word: "Embassy Comment:", "(Post note:", "End Embassy Comment". The
 * parser's patterns for markers, the tables that pick out the lines worth trying them on and CBL027 all take this one list.
 */
export const BLOCK_LABEL_WORDS: readonly string[] = ['EMBASSY', 'POST', 'DEPARTMENT', 'USUN', 'USNATO', 'MISSION'];
/** {@link BLOCK_LABEL_WORDS} as a pattern's alternatives. */
export const BLOCK_LABELS = BLOCK_LABEL_WORDS.join('|');

/**
 * A portion marking in capitals that may open a title, as a pattern: a level with any controls in capitals after a slash,
 * comma or hyphen, "(U) Status of Host Nation Laws:", "(C//NF) …", "(S//REL TO USA, GBR) …", "(C/REL NATO) …",
 * "(S//NF//REL TO USA, GBR) …". What goes before a heading's words (the semantic tokens, the Outline) is read in this form;
 * the parser reads a plain title's marking with the paragraphs' marking reader (well formed, in capitals).
 */
export const OPENING_MARKING = String.raw`\((?:U|SBU|C|S|TS)(?:[\/,\-][A-Z0-9 ,\/\-]{0,40})?\)`;

// The words a bracketed opener may put before its word: "(Embassy Note:", "[Post comment:".
const BRACKET_LABEL = new RegExp(String.raw`(?:${BLOCK_LABELS})\s+$`, 'i');

/**
 * The bracket an opener written inside one opens with, "(" or "[", given where the opener's word starts: "(Note: …",
 * "[NOTE: …", "(Embassy Note: …" (a label word between); the offset of the bracket, or -1. The Note or Comment so opened
 * ends at the bracket that closes it when no closer does; the parser and CBL027 both ask.
 */
export function openingBracket(text: string, start: number): number {
  const c = text.charCodeAt(start - 1);
  if (c === 40 /* ( */ || c === 91 /* [ */) return start - 1;
  if (!isSpace(c)) return -1;
  // At most "Department" and the spaces after it: the label is looked for in the few characters before the word.
  const from = Math.max(0, start - 16);
  const label = BRACKET_LABEL.exec(text.slice(from, start));
  if (!label) return -1;
  const at = from + label.index - 1;
  const b = text.charCodeAt(at);
  return at >= 0 && (b === 40 || b === 91) ? at : -1;
}

/**
 * The ")" that closes a "(" before `from` (the "]" for a "[": `open` is the bracket's character code), searched from
 * `from` up to `to`, brackets of the same kind nested between counted; the closing bracket's own position, or undefined.
 * The parser ends a bracketed Note or Comment left open after it; CBL027 puts "End Note." before it.
 */
export function matchingBracket(lines: readonly string[], from: Position, to: Position, open: number): Position | undefined {
  const close = open === 91 /* [ */ ? 93 /* ] */ : 41; /* ) */
  let depth = 1;
  for (let n = from.line; n <= to.line && n < lines.length; n++) {
    const text = lines[n];
    const stop = n === to.line ? Math.min(to.character, text.length) : text.length;
    for (let c = n === from.line ? from.character : 0; c < stop; c++) {
      const code = text.charCodeAt(c);
      if (code === open) depth++;
      else if (code === close && --depth === 0) return { line: n, character: c };
    }
  }
  return undefined;
}

/**
 * The one word of `words` that `word` is a misspelling of: at most `most(w)` letters lost, added or changed, or two
 * neighbouring letters swapped, away from it (`NOFRN` → `NOFORN`, `PRIORTY` → `PRIORITY`); undefined when no word is,
 * or two are. The caller rules out `word` being one of `words`.
 */
export function onlyWordNear(word: string, words: readonly string[], most: (w: string) => number): string | undefined {
  let found: string | undefined;
  for (const w of words) {
    const bound = most(w);
    if (Math.abs(word.length - w.length) > bound || editDistance(word, w, bound) > bound) continue;
    if (found) return undefined;
    found = w;
  }
  return found;
}

/**
 * The optimal string alignment distance between two short words (letters lost, added or changed, and two neighbours swapped),
 * or `most + 1` once it is known to be more than `most`.
 */
export function editDistance(a: string, b: string, most: number): number {
  // Three rows of the table, filled in turn: the row before the last (for a swap), the last, and the one being filled.
  // Each is made once at its length: a row made anew for each letter of `a` cost more than the table's arithmetic.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < least) least = d;
    }
    if (least > most) return most + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length];
}
