/**
 * Portion markings: `(S/NF)`, `(C//REL TO USA, FVEY)`, `(SBU)`, `(U//FOUO)`.
 * Spellings from CORPUS-FINDINGS.md §9 and markings.tsv.
 */
import type { Level, PortionMarking } from '../model';
import { isLetter, isSpace, markingStart, onlyWordNear, ownCopy, range, skipSpaces, trimEndOffset, WHITE_RUNS } from '../text';

/** Level words and abbreviations that may open a marking. */
const LEVEL_WORDS: ReadonlyMap<string, { level: Level; sbu: boolean }> = new Map([
  ['U', { level: 'UNCLASSIFIED', sbu: false }],
  ['UNCLASSIFIED', { level: 'UNCLASSIFIED', sbu: false }],
  ['UNCLAS', { level: 'UNCLASSIFIED', sbu: false }],
  ['SBU', { level: 'UNCLASSIFIED', sbu: true }],
  ['C', { level: 'CONFIDENTIAL', sbu: false }],
  ['CONFIDENTIAL', { level: 'CONFIDENTIAL', sbu: false }],
  ['S', { level: 'SECRET', sbu: false }],
  ['SECRET', { level: 'SECRET', sbu: false }],
  ['TS', { level: 'TOP SECRET', sbu: false }],
  ['TOP SECRET', { level: 'TOP SECRET', sbu: false }],
]);

/** Controls that may follow the level, by their normal form. */
const CONTROLS: ReadonlyMap<string, string> = new Map([
  ['NF', 'NF'],
  ['NOFORN', 'NF'],
  ['N', 'NF'], // "(SBU-N)" in markings.tsv.
  ['FGI', 'FGI'],
  ['FOUO', 'FOUO'],
  ['ORCON', 'ORCON'],
  ['OC', 'ORCON'],
  ['PROPIN', 'PROPIN'],
  ['RELIDO', 'RELIDO'],
  ['ENTIRE TEXT', 'ENTIRE TEXT'],
]);

// "(C - ENTIRE TEXT)" in 1979 cables marks the whole text once.
const ENTIRE_TEXT = /^(U|C|S|TS)\s*-\s*ENTIRE TEXT$/;
// The level that opens a marking, then the end or a separator.
const LEVEL_HEAD = /^(TOP SECRET|UNCLASSIFIED|CONFIDENTIAL|SECRET|UNCLAS|SBU|TS|U|C|S)(?=$|[\s/\-,])/;
// "REL TO USA, FVEY" and "REL NATO", up to the next "/".
const REL_TO = /^REL(?:\s+TO)?\s+([^/]+)/;
const SLASHES = /^\/\/?\s*/;
const PART_SEPARATORS = /[/\-\s]+/;
const CAPITALS = /^[A-Z]+$/;
// "(SNF)": a level that lost its slash before NF.
const GLUED_NF = /^(TS|S|C|U)NF$/;
// "(CINF)", "(SlNF)", "(CIINF)", "(C1NF)": a level whose slash (or two) before NF was typed or scanned as an "I", "l", "|"
// or the digit 1.
export const SLASH_MISREAD_NF = /^(TS|S|C|U)([Il|1]{1,2})NF$/;

/** The longest inner text we read as a marking; longer parentheses are prose. */
const MAX_INNER = 60;

/** What a marking's text reads as. Positions aside, a marking depends on nothing else. */
interface Reading {
  readonly level?: Level;
  readonly sbu: boolean;
  readonly controls: readonly string[];
  readonly wellFormed: boolean;
}

/**
 * A reading with the texts of the marking it was read from, when they are short: the markings of a large document share
 * one string each ("C" and "(C)") instead of a copy per paragraph. A longer text is a slice of the whole text it was cut
 * from (see `ownCopy` in text.ts), which the cache would keep alive: it is never kept.
 */
interface Cached {
  readonly reading: Reading;
  /** The text inside the parentheses, when it has at most 12 characters. */
  readonly inner: string | undefined;
  /** The marking with both parentheses, once met, when it has at most 12 characters. */
  closed: string | undefined;
}

// Readings of the inner texts met so far ("S", "C//NF", "SBU"): cables repeat a handful of
// markings, so most are read once. `null` records prose. The cache is emptied when it fills.
const readings = new Map<string, Cached | null>();
const MAX_READINGS = 1000;
/** The longest inner text a {@link Cached} keeps (`inner`). */
const MAX_SHARED = 12;
// By the length of its inner text, the last reading met that keeps it ("C" at 1, "S/NF" at 4): a cached reading is the
// same whatever line it is met on, so it stays true when the cache above is emptied.
const RECENT = new Array<Cached | undefined>(MAX_SHARED + 1).fill(undefined);

/**
 * Reads a portion marking whose `(` is at `start` on the line. Returns
 * undefined when the parenthesis is prose (`(Iran)`, `(China)`, a long aside)
 * rather than a marking; returns a marking with `wellFormed: false` for
 * attempts that do not parse (`(N/SF)`, `(SNF)`).
 */
export function parsePortionMarking(line: number, lineText: string, start: number): PortionMarking | undefined {
  if (lineText.charCodeAt(start) !== 40 /* ( */) return undefined;
  const close = lineText.indexOf(')', start + 1);
  if (close < 0 || close - start - 1 > MAX_INNER) return undefined;
  // The reading last met with an inner text of this length, compared in place: a cable repeats one or two markings, so
  // most markings are read without cutting their inner text out of the line (a string made and dropped each time).
  const length = close - start - 1;
  const recent = length <= MAX_SHARED ? RECENT[length] : undefined;
  let innerText: string | undefined;
  let cached: Cached | null;
  if (recent !== undefined && lineText.startsWith(recent.inner!, start + 1)) cached = recent;
  else {
    innerText = lineText.slice(start + 1, close);
    cached = cachedReading(innerText);
    if (cached !== null && cached.inner !== undefined) RECENT[length] = cached;
  }
  if (cached === null) return undefined;
  const { reading } = cached;
  const text = close + 1 - start <= 12 ? (cached.closed ??= lineText.slice(start, close + 1)) : lineText.slice(start, close + 1);
  return {
    token: { text, range: range(line, start, close + 1) },
    inner: { text: cached.inner ?? innerText!, range: range(line, start + 1, close) },
    level: reading.level,
    sbu: reading.sbu,
    controls: reading.controls,
    wellFormed: reading.wellFormed,
  };
}

// A word that names a list's item or a document's part by the letter after it: "ANNEX (C)", "OPTION (S)", "REF (C)", "para (c)".
const ITEM_WORD = /^(?:para(?:graph)?s?|subpara(?:graph)?s?|sections?|subsections?|items?|options?|annex(?:es)?|appendix|articles?|parts?|points?|tabs?|attachments?|enclosures?|categor(?:y|ies)|schedules?|steps?|phases?|tiers?|stages?|chapters?|list|case|group|class|type|line|column|box|question|refs?|reftels?|tel|telegram|cable|letter|plan|scenario|track|course|model)$/i;

/**
 * True when a one-letter marking whose inner text is `inner`, ending a text (a subject, a heading) after `before` and the
 * word `word` of letters that ends it, is rather a list's label: after another parenthesis or a list's "and" ("1.4 (b) and
 * (c)"), or after a word that names an item or part by its letter ("ANNEX (C)", "OPTION (S)", {@link ITEM_WORD}).
 */
export function labelsItem(inner: string, before: string, word: string): boolean {
  return inner.length === 1 && (before.includes('(') || /^(?:and|or)$/i.test(word) || ITEM_WORD.test(word));
}

/**
 * The portion marking that ends the text of line `line` from `s` to `e`, a heading's ("BACKGROUND (U)") or a subject's ("… of
 * proliferation concern (s)"): a well-formed marking naming a level, after white space and a word of letters, or the whole
 * text when `alone`; not a letter that labels an item ("ANNEX (C)", {@link labelsItem}). With `restEnd`, where the text
 * before it ends, white space trimmed (`s` when it is alone). Undefined for anything else ("IRAN (PART 2)").
 */
export function endingMarking(line: number, text: string, s: number, e: number, alone = false): { read: PortionMarking; restEnd: number } | undefined {
  const open = text.lastIndexOf('(', e - 1);
  if (open < s || (open === s && !alone) || (open > s && !isSpace(text.charCodeAt(open - 1)))) return undefined;
  const read = parsePortionMarking(line, text, open);
  if (read?.level === undefined || !read.wellFormed || read.token.range.end.character !== e) return undefined;
  const restEnd = trimEndOffset(text, open, s);
  if (restEnd === s) return { read, restEnd };
  // The word before it, of letters only: a scan back, not a pattern anchored at the end, which backtracks on long text.
  let wordStart = restEnd;
  while (wordStart > s && isLetter(text.charCodeAt(wordStart - 1))) wordStart--;
  if (wordStart === restEnd || labelsItem(read.inner.text, text.slice(s, restEnd), text.slice(wordStart, restEnd))) return undefined;
  return { read, restEnd };
}

/** The most characters of a marking split over two lines, its two pieces joined: "(S//REL TO USA, GBR, AUS)" is 25. */
export const MAX_SPLIT_MARKING = 40;

/**
 * A paragraph's marking opened at the end of its number's line `line` (after `from`, the number's end) and closed on the
 * next line, as a transcription wraps it: "2. (C" ⏎ ") The harbor master …", "4. (" ⏎ "C) The pier …", "¶5. (S/" ⏎
 * "NF) …". Undefined unless its two pieces joined make a marking that names a level. Its `split` holds the two pieces;
 * its token spans both lines, its text the marking joined ("(C)"); its inner text is the text inside, joined. Only a line
 * whose text after the number opens with "(" and holds no ")" is looked at further.
 */
export function parseSplitMarking(lines: readonly string[], line: number, from: number): PortionMarking | undefined {
  const text = lines[line];
  const next = lines[line + 1];
  // "2. \u200B(C" ⏎ ") …": an invisible character (CBL035 reports it) hides no marking.
  const open = markingStart(text, skipSpaces(text, from));
  if (next === undefined || text.charCodeAt(open) !== 40 /* ( */) return undefined;
  const end = trimEndOffset(text);
  if (end - open >= MAX_SPLIT_MARKING || text.indexOf(')', open) >= 0) return undefined;
  const start = skipSpaces(next);
  const closing = next.indexOf(')', start);
  if (closing < 0 || end - open + closing - start >= MAX_SPLIT_MARKING) return undefined;
  const marking = text.slice(open, end) + next.slice(start, closing + 1);
  const read = parsePortionMarking(line, marking, 0);
  if (read?.level === undefined || read.token.text.length !== marking.length) return undefined;
  // The inner text starts after the "(" on the number's line, or at the next line's start when the "(" ends the line ("4. (" ⏎ "C) …").
  const innerStart = open + 1 < end ? { line, character: open + 1 } : { line: line + 1, character: start };
  // It ends before the ")" on the next line, or at the number's line's end when the ")" opens the next ("2. (C" ⏎ ") …").
  const innerEnd = closing > start ? { line: line + 1, character: closing } : { line, character: end };
  return {
    token: { text: read.token.text, range: { start: { line, character: open }, end: { line: line + 1, character: closing + 1 } } },
    inner: { text: read.inner.text, range: { start: innerStart, end: innerEnd } },
    level: read.level,
    sbu: read.sbu,
    controls: read.controls,
    wellFormed: read.wellFormed,
    split: [range(line, open, end), range(line + 1, start, closing + 1)],
  };
}

/**
 * Reads a marking that lost its "(" at `start` after a paragraph number ("¶6. C) On …",
 * "¶2. S/NF) …"): capitals and slashes, at most {@link MAX_UNOPENED} of them, then ")" and
 * white space or the end of the line. Undefined unless they name a level; never well formed.
 */
export function parseUnopenedMarking(line: number, lineText: string, start: number): PortionMarking | undefined {
  let close = start;
  while (close < lineText.length && close - start <= MAX_UNOPENED) {
    const c = lineText.charCodeAt(close);
    if (!((c >= 65 && c <= 90) || c === 47)) break;
    close++;
  }
  // `close` may be the line's end: tested before the character is read, as a read past the end deoptimized this function.
  if (close === start || close - start > MAX_UNOPENED || close >= lineText.length || lineText.charCodeAt(close) !== 41 /* ) */) return undefined;
  if (close + 1 < lineText.length && !isSpace(lineText.charCodeAt(close + 1))) return undefined;
  return damagedMarking(line, lineText, start, start, close, close + 1);
}

/**
 * "(C Deputy …", "(S/NF The minister …": a marking at `start` ("(") that lost its ")" before
 * the text, read as it would read closed. Only capitals and slashes, at most {@link MAX_UNOPENED}
 * of them, then white space and more text, so "(CIA) …", "(Iran)" and "(C…)" are not taken.
 */
export function parseUnclosedMarking(line: number, lineText: string, start: number): PortionMarking | undefined {
  let end = start + 1;
  while (end < lineText.length && end - start - 1 <= MAX_UNOPENED) {
    const c = lineText.charCodeAt(end);
    if (!((c >= 65 && c <= 90) || c === 47)) break;
    end++;
  }
  if (end === start + 1 || end - start - 1 > MAX_UNOPENED || end >= lineText.length || !isSpace(lineText.charCodeAt(end))) return undefined;
  // Text must follow: "(C" alone at a line's end is more likely cut off than unclosed.
  let next = end;
  while (next < lineText.length && isSpace(lineText.charCodeAt(next))) next++;
  if (next >= lineText.length) return undefined;
  return damagedMarking(line, lineText, start, start + 1, end, end);
}

/**
 * "(C} …", "{C) …", "[S/NF) …": a marking at `start` whose "(" or ")" was typed or scanned as a brace or a square bracket,
 * read as it would read with its parentheses. Only capitals and slashes between them, at most {@link MAX_UNOPENED}, then
 * white space or the line's end, naming a level; never well formed.
 */
export function parseBracketMarking(line: number, lineText: string, start: number): PortionMarking | undefined {
  const open = lineText.charCodeAt(start);
  if (open !== 40 /* ( */ && open !== 123 /* { */ && open !== 91 /* [ */) return undefined;
  let close = start + 1;
  while (close < lineText.length && close - start - 1 <= MAX_UNOPENED) {
    const c = lineText.charCodeAt(close);
    if (!((c >= 65 && c <= 90) || c === 47)) break;
    close++;
  }
  const c = lineText.charCodeAt(close);
  if (close === start + 1 || (c !== 41 /* ) */ && c !== 125 /* } */ && c !== 93) /* ] */ || (open === 40 && c === 41)) return undefined;
  if (close + 1 < lineText.length && !isSpace(lineText.charCodeAt(close + 1))) return undefined;
  return damagedMarking(line, lineText, start, start + 1, close, close + 1);
}

/** True for the characters OCR leaves for a "(" before a level's letter: "l", "I" and "|". */
export function standsForOpen(c: number): boolean {
  return c === 108 /* l */ || c === 73 /* I */ || c === 124; /* | */
}

/**
 * "¶2. lC) The ministry …": a marking after a paragraph's number whose "(" was scanned as an "l", "I" or "|"
 * ({@link standsForOpen}), read as {@link parseUnopenedMarking} reads what follows it, that character part of its token.
 * No level's letter is one of these, so an unopened marking is never taken for one; never well formed.
 */
export function parseMisopenedMarking(line: number, lineText: string, start: number): PortionMarking | undefined {
  if (!standsForOpen(lineText.charCodeAt(start))) return undefined;
  const inner = parseUnopenedMarking(line, lineText, start + 1);
  if (!inner) return undefined;
  const end = inner.token.range.end.character;
  return { ...inner, token: { text: lineText.slice(start, end), range: range(line, start, end) } };
}

/** True for the characters OCR and typing leave for a ")": "I", "l", "1" and "|". */
export function standsForClose(c: number): boolean {
  return c === 73 /* I */ || c === 108 /* l */ || c === 49 /* 1 */ || c === 124; /* | */
}

/**
 * "(CI The ministry …", "(S/NFl …": a marking at `start` ("(") whose ")" was typed or scanned as an "I", "l", "1" or "|"
 * ({@link standsForClose}), then white space and more text. Only where what stands before that character reads as a well
 * formed marking that names a level ("C", "S/NF"), and no ")" further on closes the "(" ("(SI units) are …" is prose), so
 * "(CIA) …", "(CX …" and "(C/FGI …" (an unclosed "(C/FGI", which {@link parseUnclosedMarking} reads first) are not taken;
 * never well formed.
 */
export function parseMisclosedMarking(line: number, lineText: string, start: number): PortionMarking | undefined {
  if (lineText.charCodeAt(start) !== 40 /* ( */) return undefined;
  let close = start + 1;
  while (close < lineText.length && close - start - 1 <= MAX_UNOPENED) {
    const c = lineText.charCodeAt(close);
    if (!((c >= 65 && c <= 90) || c === 47) || (standsForClose(c) && isSpace(lineText.charCodeAt(close + 1)))) break;
    close++;
  }
  if (close === start + 1 || close - start - 1 > MAX_UNOPENED || !standsForClose(lineText.charCodeAt(close)) || !isSpace(lineText.charCodeAt(close + 1))) return undefined;
  // Text must follow, as after an unclosed marking.
  if (skipSpaces(lineText, close + 1) >= lineText.length) return undefined;
  const closed = lineText.indexOf(')', close + 1);
  if (closed >= 0) {
    const opened = lineText.indexOf('(', close + 1);
    if (opened < 0 || opened > closed) return undefined;
  }
  return damagedMarking(line, lineText, start, start + 1, close, close + 1, true);
}

/**
 * A marking read from a damaged form (a parenthesis lost, or written as a brace, a bracket or an "I"): its text inside
 * `[innerStart, innerEnd)` read as a marking's, its token `[start, end)`. Undefined unless that text names a level (and,
 * with `wellFormedOnly`, reads as a known form); never well formed itself.
 */
function damagedMarking(line: number, lineText: string, start: number, innerStart: number, innerEnd: number, end: number, wellFormedOnly = false): PortionMarking | undefined {
  const innerText = lineText.slice(innerStart, innerEnd);
  const cached = cachedReading(innerText);
  const reading = cached?.reading;
  if (!cached || reading?.level === undefined || (wellFormedOnly && !reading.wellFormed)) return undefined;
  return {
    token: { text: lineText.slice(start, end), range: range(line, start, end) },
    inner: { text: cached.inner ?? innerText, range: range(line, innerStart, innerEnd) },
    level: reading.level,
    sbu: reading.sbu,
    controls: reading.controls,
    wellFormed: false,
  };
}

/** The most characters a marking read with a 5 for its S may hold: "5//NF" and "5/REL" fit. */
const MAX_MISREAD = 12;

/** The most characters a marking without its "(" may hold: "S//NF" and "SBU" fit, prose rarely does. */
const MAX_UNOPENED = 8;

/** {@link readMarking} through the cache of readings. */
function cachedReading(innerText: string): Cached | null {
  let cached = readings.get(innerText);
  if (cached === undefined) {
    const reading = readMarking(innerText);
    cached = reading === null ? null : { reading, inner: innerText.length <= MAX_SHARED ? innerText : undefined, closed: undefined };
    if (readings.size >= MAX_READINGS) readings.clear();
    // "C//REL TO USA, FVEY" cut from a 10 MB document would keep the document alive as long as the cache does.
    readings.set(ownCopy(innerText), cached);
  }
  return cached;
}

/** Reads the text inside a marking's parentheses; null when it is prose. The controls are frozen: readings are shared. */
function readMarking(innerText: string): Reading | null {
  const upper = innerText.trim().toUpperCase();
  if (upper.length === 0) return null;

  // "(C - ENTIRE TEXT)" in 1979 cables marks the whole text once.
  const entire = ENTIRE_TEXT.exec(upper);
  if (entire) {
    const found = LEVEL_WORDS.get(entire[1]);
    return { level: found?.level, sbu: false, controls: Object.freeze(['ENTIRE TEXT']), wellFormed: true };
  }

  // "(5)", "(5/NF)": a 5 typed or scanned for the S of SECRET. An attempt at a marking, whose level is for the user to choose.
  if (upper.charCodeAt(0) === 53 /* 5 */ && upper.length <= MAX_MISREAD) {
    if (readMarking(`S${upper.slice(1)}`)?.wellFormed) return { level: undefined, sbu: false, controls: Object.freeze([]), wellFormed: false };
  }

  // The level comes first, then controls after "//", "/", "-" or a space: "(S//FGI//NF)", "(S-NF)", "(C NF)".
  const head = LEVEL_HEAD.exec(upper);
  if (!head) return attempt(upper, innerText);
  const found = LEVEL_WORDS.get(head[1]);
  if (!found) return attempt(upper, innerText);
  // Keep the separator: "(C NF)" separates with a space.
  const rest = upper.slice(head[1].length).trimEnd();
  const controls: string[] = [];
  let wellFormed = true;
  if (rest.length > 0) {
    // One separator: "//", "/", "-", a space or a comma.
    const separator = rest.startsWith('//') ? 2 : '/-,'.includes(rest[0]) || isSpace(rest.charCodeAt(0)) ? 1 : 0;
    if (separator === 0) return attempt(upper, innerText);
    let remainder = rest.slice(skipSpaces(rest, separator));
    // "(S/)", "(C//)": a separator with nothing after it, a control cut off or a slash typed twice.
    if (remainder.length === 0) wellFormed = false;
    while (remainder.length > 0) {
      // "REL TO USA, FVEY" and "REL NATO" run to the end of the marking or the next "//".
      const rel = REL_TO.exec(remainder);
      if (rel) {
        controls.push(`REL ${rel[1].trim()}`.replace(WHITE_RUNS, ' '));
        const after = remainder.slice(rel[0].length);
        remainder = after.replace(SLASHES, '');
        // "(S/REL TO USA, GBR/)": the slash after the list leads to nothing.
        if (remainder.length === 0 && after.length > 0) wellFormed = false;
        continue;
      }
      const part = controlWord(remainder);
      const word = part ? remainder.slice(0, part[0]).trim() : remainder;
      const control = CONTROLS.get(word);
      if (control) controls.push(control);
      else {
        controls.push(word);
        wellFormed = false;
      }
      if (!part) break;
      // "(S/NF/)": the slash after the last control leads to nothing.
      if (part[1] === remainder.length && remainder.charCodeAt(part[1] - 1) === 47 /* / */) wellFormed = false;
      remainder = remainder.slice(part[1]).trim();
    }
  }
  return { level: found.level, sbu: found.sbu, controls: Object.freeze(controls), wellFormed };
}

/**
 * A control at the start of `text`: capitals and spaces up to a "/", a "//" or the end.
 * Returns the end of the word and the end of its separator, or undefined.
 */
function controlWord(text: string): [number, number] | undefined {
  let end = 0;
  while (end < text.length && ((text.charCodeAt(end) >= 65 && text.charCodeAt(end) <= 90) || text.charCodeAt(end) === 32)) end++;
  if (end === 0) return undefined;
  const next = skipSpaces(text, end);
  if (next === text.length) return [end, next];
  if (text[next] !== '/') return undefined;
  return [end, text[next + 1] === '/' ? next + 2 : next + 1];
}

/**
 * A parenthesis of short upper-case tokens (`(N/SF)`, `(SNF)`) is an attempt
 * at a marking; anything else (`(Iran)`, `(IRAN)`, `(see below)`) is prose.
 */
function attempt(upper: string, innerText: string): Reading | null {
  const original = innerText.trim();
  // "(CINF)": the slash before NF scanned as an "I", "l" or "|"; read as that level and NOFORN, never well formed. Nothing
  // else of four or more letters in one word is a marking: "(CINC)", "(CITES)" are prose.
  const slashed = SLASH_MISREAD_NF.exec(original);
  if (slashed) return { level: LEVEL_WORDS.get(slashed[1])?.level, sbu: false, controls: Object.freeze(['NF']), wellFormed: false };
  if (original !== original.toUpperCase()) return null;
  const parts = upper.split(PART_SEPARATORS).filter((p) => p.length > 0);
  if (parts.length === 0 || parts.some((p) => p.length > 3 || !CAPITALS.test(p))) return null;
  // "(SNF)" lost its slash: the level is still plain.
  const glued = GLUED_NF.exec(upper);
  if (glued) {
    const found = LEVEL_WORDS.get(glued[1]);
    return { level: found?.level, sbu: false, controls: Object.freeze(['NF']), wellFormed: false };
  }
  return { level: undefined, sbu: false, controls: Object.freeze([]), wellFormed: false };
}

/** True for a control as a marking's `controls` give it: a known control's normal form (`NF`, `ORCON`) or a REL TO (`REL NATO`). */
export function isControl(control: string): boolean {
  return CONTROLS.has(control) || control.startsWith('REL ');
}

/** The controls of four letters or more by their own spelling, which a typo or a scan leaves one edit away (`NOFRN`). */
const LONG_CONTROLS = [...CONTROLS.keys()].filter((k) => k.length >= 4 && !k.includes(' '));

/**
 * The control an unknown word of a marking stands for when it is one letter lost, added or changed, or two neighbouring
 * letters swapped, away from exactly one control of four letters or more (`NOFRN`, `NOFRON` → `NOFORN`; `ORCN` → `ORCON`):
 * a guess, which only the user may take. Undefined for a word that is a control, is shorter than four letters or is near none.
 */
export function nearControl(word: string): string | undefined {
  const upper = word.toUpperCase();
  if (upper.length < 4 || CONTROLS.has(upper)) return undefined;
  return onlyWordNear(upper, LONG_CONTROLS, () => 1);
}

/**
 * The one unknown word of a marking and the control it is one edit from (`NOFRN` and `NOFORN` in `(S/NOFRN)`); undefined when
 * the marking has no unknown word, or has one that no control (or more than one) is near, or has two.
 */
export function misspeltControl(marking: PortionMarking): { word: string; control: string } | undefined {
  let found: { word: string; control: string } | undefined;
  for (const word of marking.controls) {
    if (isControl(word)) continue;
    const control = nearControl(word);
    if (control === undefined || found) return undefined;
    found = { word, control };
  }
  return found;
}

/**
 * Spells a marking out: "SECRET, NOFORN", for hovers; a release list as it is written in full, "CONFIDENTIAL, REL TO USA,
 * FVEY" (the model keeps "REL USA, FVEY", which `(C//REL USA, FVEY)` and `(C//REL TO USA, FVEY)` alike give).
 */
export function describeMarking(marking: PortionMarking): string {
  const level = marking.level ? (marking.sbu ? 'SENSITIVE BUT UNCLASSIFIED' : marking.level) : 'unknown level';
  const controls = marking.controls.map((c) => (c === 'NF' ? 'NOFORN' : c.startsWith('REL ') ? `REL TO ${c.slice(4)}` : c));
  return [level, ...controls].join(', ');
}
