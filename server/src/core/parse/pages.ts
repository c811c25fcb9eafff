/**
 * Continuation-page lines (`PARIS 00000305 002 OF 002`) and old printout page
 * headers (`PAGE 02 HARARE 06677 01 OF 03 291400Z`). FORMAT.md §6, CORPUS-FINDINGS.md §11.
 */
import type { OldPageHeader, PageLine } from '../model';
import { numberToken, token } from '../text';

// "<POST cut to 10 chars> <serial zero-padded to 8> <page 3 digits>[.n] OF <total 3 digits>".
// The post is one to four words within ten characters: "BUENOS AIR", "RIO DE JAN", "Moscow".
const PAGE_LINE = /(?<![A-Za-z0-9])([A-Za-z][A-Za-z'.]{0,9}(?: [A-Za-z][A-Za-z'.]{0,9}){0,3}) {1,3}(\d{8}) {1,3}(\d{3})(?:\.(\d{1,2}))? {1,3}(?:OF|of|Of) {1,3}(\d{3})(?![0-9])/dg;

/** Finds every continuation-page marker on a line, on its own or inside text. */
export function findPageLines(line: number, lineText: string): PageLine[] {
  // Cheap pre-check: a marker always has eight digits in a row.
  if (!/\d{8}/.test(lineText)) return [];
  const result: PageLine[] = [];
  PAGE_LINE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PAGE_LINE.exec(lineText)) !== null) {
    let postText = match[1];
    let postStart = match.index;
    // "52 percent in RIO DE JAN 00000329": keep the last words that fit in ten characters.
    while (postText.length > 10) {
      const space = postText.indexOf(' ');
      if (space < 0) break;
      postStart += space + 1;
      postText = postText.slice(space + 1);
    }
    if (postText.length > 10) continue;
    // Text words in lower case before an upper-case post are not part of it: "in PARIS".
    const words = postText.split(' ');
    while (words.length > 1 && words[0] !== words[0].toUpperCase() && words[1] === words[1].toUpperCase()) {
      postStart += words[0].length + 1;
      words.shift();
    }
    postText = words.join(' ');
    const indices = match.indices as RegExpIndicesArray;
    const [serialStart, serialEnd] = indices[2];
    const [pageStart, pageEnd] = indices[3];
    const [totalStart, end] = indices[5];
    const whole = token(line, lineText, postStart, end);
    const before = lineText.slice(0, postStart).trim();
    const after = lineText.slice(end).trim();
    result.push({
      token: whole,
      post: token(line, lineText, postStart, postStart + postText.length),
      serial: numberToken(line, lineText, serialStart, serialEnd),
      page: numberToken(line, lineText, pageStart, pageEnd),
      subpage: match[4] !== undefined ? parseInt(match[4], 10) : undefined,
      total: numberToken(line, lineText, totalStart, end),
      inline: before.length > 0 || after.length > 0,
    });
  }
  return result;
}

// "PAGE 02 HARARE 06677 01 OF 03 291400Z" and "PAGE 02 RUEHFRA2440 C O N F I D E N T I A L …".
const OLD_PAGE = /^\s*PAGE +(\d{2,3}) +(?:[A-Z][A-Z ]{0,20}? +\d{4,6} +\d{2} +OF +\d{2} +\d{6}Z|R[A-Z]{3,6}\d{4}\b)/;

/** Reads an old printout page header at the start of a line. */
export function findOldPageHeader(line: number, lineText: string): OldPageHeader | undefined {
  const match = OLD_PAGE.exec(lineText);
  if (!match) return undefined;
  const start = lineText.length - lineText.trimStart().length;
  return { token: token(line, lineText, start, match[0].length), page: parseInt(match[1], 10) };
}
