/**
 * Line hints: which lines can hold a redaction, a continuation-page marker or a
 * Summary/Comment/Note marker inside text. One search of the whole text for each
 * finds the few such lines, so the readers run on those lines only and never on prose.
 */
import { isDigit, isSpace, linesWith, markLinesMatching } from '../text';

/** A line can hold a redaction: "XXXX", "xxxxx". */
export const REDACTION = 1;
/** A line can hold a continuation-page marker: a serial zero-padded to eight digits after a space ("PARIS 00000305 …"). */
export const PAGE = 2;
/** A line can hold "(Note:" or "(Comment:". */
export const PAREN_OPENER = 4;
/** A line can hold "End Summary", "END COMMENT", "End Note" (see {@link scanHints} for "end summary"). */
export const CLOSER = 8;

/** The hints of every line. */
export interface LineHints {
  /** Bits {@link REDACTION}, {@link PAGE}, {@link PAREN_OPENER}, {@link CLOSER} per line. */
  readonly bits: Uint8Array;
}

// "(Note:" and "(Comment:", read at a given offset of the whole text.
const PAREN_AT = /\((?:note|comment)\s*:/iy;
// "End Summary", "END COMMENT", "end note": in any case, anywhere.
const CLOSER_ANYWHERE = /\bend\s+(?:summ|comm|note)/gi;
// The same after "EN" or "En", read at a given offset of the whole text.
const CLOSER_AT = /\bE[Nn][Dd]\s+(?:summ|comm|note)/iy;

// Memory reused by every call, as in splitShapes.
let scratch = new Uint8Array(0);

/**
 * Finds the hints of the `lines` split from `text`, given their `offsets` ({@link splitShapes}).
 * Closers are looked for in every case when `anyCase` (a cable whose banner is not in
 * capitals, or that has none: copies in small letters write "end summary"); otherwise only
 * where "End" or "END" opens them, which `indexOf` finds many times faster than a
 * case-insensitive pattern can. The bits are a view of memory that the next call reuses:
 * never keep them.
 */
export function scanHints(text: string, lines: readonly string[], offsets: Int32Array, anyCase = true): LineHints {
  if (scratch.length < lines.length) scratch = new Uint8Array(Math.max(lines.length, 2 * scratch.length));
  const bits = scratch.subarray(0, lines.length);
  bits.fill(0);
  const always = () => true;
  linesWith(text, offsets, 'XXXX', always, bits, REDACTION);
  linesWith(text, offsets, 'xxxxx', always, bits, REDACTION);
  linesWith(text, offsets, '00', (at) => isPageSerialAt(text, at), bits, PAGE);
  linesWith(text, offsets, '(', (at) => isParenOpenerAt(text, at), bits, PAREN_OPENER);
  if (anyCase) markLinesMatching(text, offsets, CLOSER_ANYWHERE, bits, CLOSER);
  else {
    // "END" or "End", then white space: most hits ("GOVERNMENT", "Energy") fail on the third or fourth character.
    const closerAt = (at: number) => (text.charCodeAt(at + 2) | 32) === 100 && isSpace(text.charCodeAt(at + 3)) && ((CLOSER_AT.lastIndex = at), CLOSER_AT.test(text));
    linesWith(text, offsets, 'EN', closerAt, bits, CLOSER);
    linesWith(text, offsets, 'En', closerAt, bits, CLOSER);
  }
  return { bits };
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

/** "(Note:" or "(Comment:" at `at`. */
function isParenOpenerAt(text: string, at: number): boolean {
  // Both words open with a letter and "o": "(C)" and "(S//NF)" markings stop here.
  const c = text.charCodeAt(at + 1) | 32;
  if ((c !== 110 && c !== 99) || (text.charCodeAt(at + 2) | 32) !== 111) return false;
  PAREN_AT.lastIndex = at;
  return PAREN_AT.test(text);
}
