/**
 * Line hints: which lines can hold a redaction, a continuation-page marker or a
 * Summary/Comment/Note marker inside text. One search of the whole text for each
 * finds the few such lines, so the readers run on those lines only and never on prose.
 */
import { BLOCK_LABEL_WORDS, BLOCK_LABELS, isDigit, isSpace, linesWith, markLinesMatching } from '../text';

/** A line can hold a redaction: "XXXX", "xxxxx". */
export const REDACTION = 1;
/** A line can hold a continuation-page marker: a serial zero-padded to eight digits after a space ("PARIS 00000305 …"). */
export const PAGE = 2;
/** A line can hold "(Note:", "(Comment:", "[Note:" or "(Embassy Note:". */
export const PAREN_OPENER = 4;
/** A line can hold "End Summary", "END COMMENT", "End Note", "End Embassy Comment" (see {@link scanHints} for "end summary"). */
export const CLOSER = 8;
/** A line can hold "Comment:", "Note:" or "SUMMARY:" after a sentence's end ("… ran late. Comment: If", "… said." NOTE:"): see {@link inlineOpenerAt}. */
export const INLINE_OPENER = 16;
/**
 * A line holds a "(" anywhere: a paragraph glued into the line after a sentence's end opens its marking with one ("… was
 * working. 16. (C) On fares"), so a line without one is not searched for such a paragraph. Not a reader's hint: see {@link READ}.
 */
export const PAREN = 32;
/** The hints a line's readers act on ({@link PAREN} tells only where a "(" is): a line with none of them needs no reader. */
export const READ = REDACTION | PAGE | PAREN_OPENER | CLOSER | INLINE_OPENER;

/** The hints of every line. */
export interface LineHints {
  /** Bits {@link REDACTION}, {@link PAGE}, {@link PAREN_OPENER}, {@link CLOSER}, {@link INLINE_OPENER} and {@link PAREN} per line. */
  readonly bits: Uint8Array;
  /** Whether markers were looked for in any case (see {@link scanHints}); {@link inlineOpenerAt} needs the same on the hinted lines. */
  readonly anyCase: boolean;
}

// "(Note:", "(Comment:", "[Note:" and "(Embassy Note:", read at a given offset of the whole text.
const PAREN_AT = new RegExp(String.raw`[([](?:(?:${BLOCK_LABELS})\s+)?(?:note|comment)\s*:`, 'iy');
// "End Summary", "END COMMENT", "end note", "End Embassy Comment": in any case, anywhere.
const CLOSER_ANYWHERE = new RegExp(String.raw`\bend\s+(?:(?:${BLOCK_LABELS})\s+)?(?:summ|comm|note)`, 'gi');
// The same after "EN" or "En", read at a given offset of the whole text.
const CLOSER_AT = new RegExp(String.raw`\bE[Nn][Dd]\s+(?:(?:${BLOCK_LABELS})\s+)?(?:summ|comm|note)`, 'iy');

// Memory reused by every call, as in splitShapes.
let scratch = new Uint8Array(0);

/**
 * Finds the hints of the `lines` split from `text`, given their `offsets` ({@link splitShapes}).
 * Closers are looked for in every case when `anyCase` (a cable whose banner is not in
 * capitals, or that has none: copies in small letters write "end summary"); otherwise only
 * where "End" or "END" opens them, which `indexOf` finds many times faster than a
 * case-insensitive pattern can; the same holds for openers after a sentence's end ({@link inlineOpenerAt}). The bits are a view of memory that the next call reuses:
 * never keep them.
 */
export function scanHints(text: string, lines: readonly string[], offsets: Int32Array, anyCase = true): LineHints {
  if (scratch.length < lines.length) scratch = new Uint8Array(Math.max(lines.length, 2 * scratch.length));
  const bits = scratch.subarray(0, lines.length);
  bits.fill(0);
  // Every hit of a redaction's letters is one: no test to call.
  linesWith(text, offsets, 'XXXX', undefined, bits, REDACTION);
  linesWith(text, offsets, 'xxxxx', undefined, bits, REDACTION);
  markPageSerials(text, offsets, bits);
  markParens(text, offsets, bits);
  linesWith(text, offsets, '[', (at) => isParenOpenerAt(text, at), bits, PAREN_OPENER);
  linesWith(text, offsets, ':', (at) => inlineOpenerAt(text, at, anyCase) >= 0, bits, INLINE_OPENER);
  if (anyCase) markLinesMatching(text, offsets, CLOSER_ANYWHERE, bits, CLOSER);
  else {
    // "END" or "End", then white space: most hits ("GOVERNMENT", "Energy") fail on the third or fourth character.
    const closerAt = (at: number) => (text.charCodeAt(at + 2) | 32) === 100 && isSpace(text.charCodeAt(at + 3)) && ((CLOSER_AT.lastIndex = at), CLOSER_AT.test(text));
    linesWith(text, offsets, 'EN', closerAt, bits, CLOSER);
    linesWith(text, offsets, 'En', closerAt, bits, CLOSER);
  }
  return { bits, anyCase };
}

/**
 * Sets {@link PAREN} for every line holding a "(", and {@link PAREN_OPENER} for those where one opens a Note or Comment: one
 * search for "(" finds both, the line walked to for each hit (the walk goes over each line once).
 */
function markParens(text: string, offsets: Int32Array, bits: Uint8Array): void {
  let line = 0;
  for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
    while (line + 1 < offsets.length && offsets[line + 1] <= at) line++;
    if ((bits[line] & PAREN_OPENER) === 0) bits[line] |= isParenOpenerAt(text, at) ? PAREN | PAREN_OPENER : PAREN;
  }
}

/**
 * Sets {@link PAGE} for the lines holding a continuation-page serial ({@link isPageSerialAt}). A serial follows a space, so
 * none opens inside a run of digits: a "00" that is none ("2009", "000708" of a banner) sends the search past its run.
 */
function markPageSerials(text: string, offsets: Int32Array, bits: Uint8Array): void {
  let line = 0;
  let at = text.indexOf('00');
  while (at >= 0) {
    if (isPageSerialAt(text, at)) {
      while (line + 1 < offsets.length && offsets[line + 1] <= at) line++;
      bits[line] |= PAGE;
      if (line + 1 >= offsets.length) return;
      at = text.indexOf('00', offsets[line + 1]);
    } else {
      let k = at + 2;
      while (isDigit(text.charCodeAt(k))) k++;
      at = text.indexOf('00', k);
    }
  }
}

/**
 * A continuation-page serial at `at`: "00" and six more digits after a space, then
 * a space ("PARIS 00000305 002 OF 002"). Serials have at most six digits, so the
 * padding to eight always opens with "00".
 */
function isPageSerialAt(text: string, at: number): boolean {
  if (at === 0 || text.charCodeAt(at - 1) !== 32 || text.charCodeAt(at + 8) !== 32) return false;
  for (let k = at + 2; k < at + 8; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return true;
}

/** "(Note:", "(Comment:", "[Note:" or "(Embassy Note:" at `at`. */
function isParenOpenerAt(text: string, at: number): boolean {
  // Each word opens with the two letters of "note", "comment" or a label word ("em", "po", …): "(C)" and "(S//NF)" markings stop here.
  if (!PAREN_FIRST_TWO.has(((text.charCodeAt(at + 1) | 32) << 8) | (text.charCodeAt(at + 2) | 32))) return false;
  PAREN_AT.lastIndex = at;
  return PAREN_AT.test(text);
}

/** The first two letters of the words that can follow the bracket of {@link PAREN_AT} (Note, Comment and the label words), in small letters, as `first << 8 | second`. */
const PAREN_FIRST_TWO = new Set(['note', 'comment', ...BLOCK_LABEL_WORDS].map((w) => ((w.charCodeAt(0) | 32) << 8) | (w.charCodeAt(1) | 32)));

/**
 * Where the word of an opener after a sentence's end starts, given the offset of its colon, or -1:
 * "… ran late. Comment: If", "… the quays.  NOTE: The", "… he said." Embassy comment: We". The
 * sentence ends in ".", "!" or "?", perhaps with closing quotes or a bracket, and spaces or tabs
 * stand between it and the opener, on one line. Only Comment, Note and Summary open so, and only with a
 * colon. Unless `anyCase`, the opener starts with a capital ("Comment", "NOTE", "Embassy comment"),
 * as closers do under a banner in capitals; a Summary, in every case, is "SUMMARY" in capitals with no
 * label. It reads what {@link INLINE_OPENER_PATTERN} reads.
 */
export function inlineOpenerAt(text: string, colon: number, anyCase: boolean): number {
  // "Comment" and "Note" end in "t" and "e": most colons ("SUBJECT:", "10:30", "follows:") stop here.
  const last = text.charCodeAt(colon - 1) | 32;
  let word: number;
  if (last === 116 /* t */ && colon >= 7 && matchesWord(text, colon - 7, 'comment')) word = colon - 7;
  else if (last === 101 /* e */ && colon >= 4 && matchesWord(text, colon - 4, 'note')) word = colon - 4;
  // "… went well. SUMMARY: The talks": a Summary's title only in capitals, in any cable ("… said the summary: …" is prose).
  else if (last === 121 /* y */ && colon >= 7 && text.startsWith('SUMMARY', colon - 7)) word = colon - 7;
  else return -1;
  let start = word;
  let gap = skipGapBack(text, word);
  if (gap === word) return -1;
  // "Embassy comment:".
  if (word === colon - 7 && last === 116 && gap >= 7 && matchesWord(text, gap - 7, 'embassy')) {
    const before = skipGapBack(text, gap - 7);
    if (before < gap - 7) {
      start = gap - 7;
      gap = before;
    }
  }
  const first = text.charCodeAt(start);
  if (!anyCase && (first < 65 || first > 90)) return -1;
  // Closing quotes and brackets after the sentence's end: '." Comment:', '.) Note:'.
  let end = gap;
  while (end > 0 && isClosing(text.charCodeAt(end - 1))) end--;
  const stop = text.charCodeAt(end - 1);
  return end > 0 && (stop === 46 || stop === 33 || stop === 63) ? word : -1;
}

/**
 * The pattern {@link inlineOpenerAt} stands for, with the `i` flag: the opener is group 1 (its word
 * is the last one), and unless in any case its first letter must be a capital; "summary" must be "SUMMARY".
 */
export const INLINE_OPENER_PATTERN = /[.!?]["\u201D\u2019')\]]*[ \t]+(embassy[ \t]+comment|comment|note|summary):/gi;

/** True when the letters of `word` (small letters) stand at `at`, in any case. */
function matchesWord(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(at + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

/** The offset where the spaces and tabs just before `at` start. */
function skipGapBack(text: string, at: number): number {
  let k = at;
  while (k > 0 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
  return k;
}

/** Closing quotes and brackets: '"', "'", "”", "’", ")", "]". */
function isClosing(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;
}
