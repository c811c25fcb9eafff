/**
 * Continuation-page lines (`PARIS 00000305 002 OF 002`) and old printout page
 * headers (`PAGE 02 HARARE 06677 01 OF 03 291400Z`). FORMAT.md §6, CORPUS-FINDINGS.md §11.
 */
import type { NumberToken, OldPageHeader, PageLine } from '../model';
import { digitsValue, isAlnum, isDigit, isLetter, numberToken, skipSpaces, token, trimEndOffset } from '../text';

// "<POST cut to 10 chars> <serial zero-padded to 8> <page 3 digits>[.n] OF <total 3 digits>".
// Serials have at most six digits, so the padded serial opens with "00".
// The post is one to four words within ten characters ("BUENOS AIR", "RIO DE JAN", "Moscow"),
// read backwards from the serial by {@link postStart}; the rest is this pattern.
const PAGE_TAIL = /(00\d{6}) {1,3}(\d{3})(?:\.(\d{1,2}))? {1,3}(?:OF|of|Of) {1,3}(\d{3})(?![0-9])/g;

const isPostChar = (c: number) => isLetter(c) || c === 39 /* ' */ || c === 46; /* . */

/**
 * The start of the post before a page marker's serial at `serial`: up to four words
 * of one letter and up to nine more letters, apostrophes or dots, separated by single
 * spaces, then one to three spaces; the first word not glued to a letter or digit.
 * Returns -1 when there is no post. Looks back at most 4 × 11 + 3 characters.
 */
function postStart(text: string, serial: number, floor: number): number {
  let end = serial;
  while (end > floor && serial - end < 3 && text.charCodeAt(end - 1) === 32) end--;
  if (end === serial || end <= floor || !isPostChar(text.charCodeAt(end - 1))) return -1;
  let start = -1;
  for (let words = 0; words < 4; words++) {
    let t = end;
    while (t > floor && end - t <= 10 && isPostChar(text.charCodeAt(t - 1))) t--;
    const whole = t === floor || !isPostChar(text.charCodeAt(t - 1));
    if (whole && end - t <= 10 && isLetter(text.charCodeAt(t)) && (t === 0 || !isAlnum(text.charCodeAt(t - 1)))) {
      // The whole word: a word before it may extend the post.
      start = t;
      if (t - 2 < floor || text.charCodeAt(t - 1) !== 32 || !isPostChar(text.charCodeAt(t - 2))) break;
      end = t - 1;
      continue;
    }
    // Part of a longer run: the earliest letter within ten characters that follows an apostrophe or a dot.
    for (let k = Math.max(t, end - 10); k < end; k++) {
      if (isLetter(text.charCodeAt(k)) && k > 0 && !isAlnum(text.charCodeAt(k - 1))) {
        start = k;
        break;
      }
    }
    break;
  }
  return start;
}

/** Finds every continuation-page marker on a line, on its own or inside text. */
export function findPageLines(line: number, lineText: string): PageLine[] {
  const result: PageLine[] = [];
  PAGE_TAIL.lastIndex = 0;
  let previousEnd = 0;
  let match: RegExpExecArray | null;
  while ((match = PAGE_TAIL.exec(lineText)) !== null) {
    const first = postStart(lineText, match.index, previousEnd);
    if (first < 0) {
      PAGE_TAIL.lastIndex = match.index + 1;
      continue;
    }
    previousEnd = match.index + match[0].length;
    let postStartAt = first;
    let postText = lineText.slice(first, match.index).trimEnd();
    // "52 percent in RIO DE JAN 00000329": keep the last words that fit in ten characters.
    while (postText.length > 10) {
      const space = postText.indexOf(' ');
      if (space < 0) break;
      postStartAt += space + 1;
      postText = postText.slice(space + 1);
    }
    if (postText.length > 10) continue;
    // Text words in lower case before an upper-case post are not part of it: "in PARIS".
    if (postText.indexOf(' ') >= 0) {
      const words = postText.split(' ');
      while (words.length > 1 && words[0] !== words[0].toUpperCase() && words[1] === words[1].toUpperCase()) {
        postStartAt += words[0].length + 1;
        words.shift();
      }
      postText = words.join(' ');
    }
    // The groups sit at fixed places: the serial opens the match, the page follows its spaces, the total closes it.
    const serialStart = match.index;
    const serialEnd = serialStart + 8;
    let pageStart = serialEnd;
    while (lineText.charCodeAt(pageStart) === 32) pageStart++;
    const pageEnd = pageStart + 3;
    const end = match.index + match[0].length;
    const totalStart = end - 3;
    const whole = token(line, lineText, postStartAt, end);
    // Text before or after the marker makes it inline.
    const inline = trimEndOffset(lineText, postStartAt) > 0 || skipSpaces(lineText, end) < lineText.length;
    const postEnd = postStartAt + postText.length;
    result.push({
      token: whole,
      // The post opens the marker and the total closes it: their outer positions are the marker's.
      post: { text: lineText.slice(postStartAt, postEnd), range: { start: whole.range.start, end: { line, character: postEnd } } },
      serial: numberToken(line, lineText, serialStart, serialEnd),
      page: numberToken(line, lineText, pageStart, pageEnd),
      subpage: match[3] !== undefined ? parseInt(match[3], 10) : undefined,
      total: { text: lineText.slice(totalStart, end), range: { start: { line, character: totalStart }, end: whole.range.end }, value: digitsValue(lineText, totalStart, end) },
      inline,
    });
  }
  return result;
}

/**
 * The continuation-page line that the line's text `[lead, end)` holds and nothing else, damaged so that {@link findPageLines}
 * reads none: a post of one to ten characters, then a serial of eight characters, a page of three (or `002.2`) and `OF` (or
 * `0F`) and a total of three, one to three spaces apart, with one or two characters that are no digit among the fourteen of
 * the numbers, a zero for the O of `OF`, or a serial a digit short or long (`VALLETTA 0000O412 002 OF 002`, `VALLETTA
 * 0000#412 002 OF 002`, `VALLETTA 00000412 OO2 0F 002`). Such a line is a page break of the text, as the page line it was,
 * not a title's first line or a line of a paragraph. Its numbers are read where the damage leaves them readable, their
 * characters digits or a letter O for 0 or l or I for 1 (`0000O412` is 412, `OO2` is 2), and left out where it does not
 * (`0000#412`); `damaged` is set. Reads from the end, at most about 45 characters; callers test first that the line ends with a digit.
 */
export function readDamagedPageLine(line: number, text: string, lead: number, end: number): PageLine | undefined {
  if (end - lead < 22 || end - lead > 48) return undefined;
  let damage = 0;
  let k = end;
  // The total: three characters.
  for (let t = 0; t < 3; t++) if (!isDigit(text.charCodeAt(--k))) damage++;
  const totalStart = k;
  k = spacesBefore(text, k);
  if (k - 2 <= lead) return undefined;
  const o = text.charCodeAt(k - 2);
  if ((text.charCodeAt(k - 1) | 32) !== 102 /* f */ || ((o | 32) !== 111 /* o */ && o !== 48 /* 0 */)) return undefined;
  if (o === 48) damage++;
  k = spacesBefore(text, k - 2);
  if (k < 0) return undefined;
  // The page: three characters, or "002.2".
  let start = k;
  while (start > lead && start > k - 6 && text.charCodeAt(start - 1) !== 32) start--;
  const dot = k - 2 > start && text.charCodeAt(k - 2) === 46 ? k - 2 : k - 3 > start && text.charCodeAt(k - 3) === 46 ? k - 3 : k;
  if (dot - start !== 3) return undefined;
  for (let t = start; t < dot; t++) if (!isDigit(text.charCodeAt(t))) damage++;
  const pageStart = start;
  const subpageEnd = k;
  k = spacesBefore(text, start);
  if (k < 0) return undefined;
  // The serial: eight characters, or seven or nine (counted as damage), opening with a zero.
  start = k;
  while (start > lead && k - start < 10 && text.charCodeAt(start - 1) !== 32) start--;
  const length = k - start;
  if (length < 7 || length > 9 || text.charCodeAt(start) !== 48) return undefined;
  if (length !== 8) damage++;
  for (let t = start; t < k; t++) if (!isDigit(text.charCodeAt(t))) damage++;
  if (damage === 0 || damage > 2) return undefined;
  // The post: one to ten characters of letters, spaces, apostrophes and dots, opening with a letter.
  const postEnd = spacesBefore(text, start);
  if (postEnd < 0 || postEnd - lead > 10 || !isLetter(text.charCodeAt(lead))) return undefined;
  for (let t = lead; t < postEnd; t++) {
    const c = text.charCodeAt(t);
    if (!isPostChar(c) && c !== 32) return undefined;
  }
  const whole = token(line, text, lead, end);
  const subpage = dot < subpageEnd ? readDamagedNumber(text, dot + 1, subpageEnd) : undefined;
  return {
    token: whole,
    post: token(line, text, lead, trimEndOffset(text, postEnd, lead)),
    serial: damagedNumberToken(line, text, start, k),
    page: damagedNumberToken(line, text, pageStart, dot),
    subpage,
    total: damagedNumberToken(line, text, totalStart, end),
    inline: false,
    damaged: true,
  };
}

/** The number `[from, to)` of a damaged page line means: its digits, a letter O or o for 0 and l or I for 1; undefined for any other character ("0000#412"). */
function readDamagedNumber(text: string, from: number, to: number): number | undefined {
  let value = 0;
  for (let t = from; t < to; t++) {
    const c = text.charCodeAt(t);
    const digit = isDigit(c) ? c - 48 : c === 79 /* O */ || c === 111 /* o */ ? 0 : c === 108 /* l */ || c === 73 /* I */ ? 1 : -1;
    if (digit < 0) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/** A damaged page line's number `[from, to)` as written, with the value meant ({@link readDamagedNumber}); undefined where it cannot be read. */
function damagedNumberToken(line: number, text: string, from: number, to: number): NumberToken | undefined {
  const value = readDamagedNumber(text, from, to);
  return value === undefined ? undefined : { ...token(line, text, from, to), value };
}

/** Where the one to three spaces that end before `at` start, or -1 where there are none or more. */
function spacesBefore(text: string, at: number): number {
  let k = at;
  while (at - k < 4 && text.charCodeAt(k - 1) === 32) k--;
  return k === at || at - k > 3 ? -1 : k;
}

// "PAGE 02 HARARE 06677 01 OF 03 291400Z", "PAGE 02 STATE 037566 161435Z" and "PAGE 02 RUEHFRA2440 C O N F I D E N T I A L …".
const OLD_PAGE = /^\s*PAGE +(\d{2,3}) +(?:([A-Z]+(?: +[A-Z]+)*) +\d{4,6} +(?:\d{2} +OF +\d{2} +)?\d{6}Z|R[A-Z]{3,6}\d{4}\b)/;

/** Reads an old printout page header at the start of a line, or at `from` ("INFO PAGE 02 …" after the keyword). */
export function findOldPageHeader(line: number, lineText: string, from = 0): OldPageHeader | undefined {
  const text = from === 0 ? lineText : lineText.slice(from);
  const match = OLD_PAGE.exec(text);
  // The post is at most 21 characters ("PAGE 02 HARARE 06677 …").
  if (!match || (match[2] !== undefined && match[2].length > 21)) return undefined;
  const start = skipSpaces(text);
  return { token: token(line, lineText, from + start, from + match[0].length), page: parseInt(match[1], 10) };
}
