/**
 * CBL052 ref-serial-misread: A REF citation whose serial number or year holds a letter l or I for the digit 1, or O for 0 ('09 LISBON 4l2' for 412, 'O9 LISBON 412' for 09), read as the number meant.
 */
import { serialDigits } from '../parse/banner';
import { isDigit } from '../text';
import type { Cable } from '../model';
import type { Report, Rule, TextEdit } from './types';

// A digit, before or after a letter of the serial.
const DIGIT = /\d/;

export const rule: Rule = {
  id: 'CBL052',
  name: 'ref-serial-misread',
  description: "A REF citation whose serial number or year holds a letter l or I for the digit 1, or O for 0 ('09 LISBON 4l2' for 412, 'O9 LISBON 412' for 09), read as the number meant.",
  tags: ['metadata'],
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "REF: A. 09 LISBON 4l2\n     B. STATE 1O5\n     C. O9 LISBON 77",
    good: "REF: A. 09 LISBON 412\n     B. STATE 105\n     C. 09 LISBON 77",
    rationale: "Typing and OCR confuse the digit 1 with the letters l and I, and 0 with the letter O, and a citation so written names no cable: no link, hover or definition reaches it, and an index that matches ids does not find it. A citation whose last word is a serial of digits and those letters, a digit among them (`4l2`, `1O5`, `l23`), is read as the serial meant (`09 LISBON 4l2` cites 09LISBON412), as a banner's serial is (CBL011), and reported with the digits; the message names each letter and the digit it stands for. Where each letter stands between digits (`4l2`, `1O5`, `5ll20`), what it stands for is certain and the fix, which writes the digits and touches no other character, is safe (Fix All and `cablelint --fix` apply it); a letter at the serial's start or end (`l23`, `12O`) gets the same fix for you to choose. A year so written (`O9 LISBON 412`, `2OO9 LISBON 412`) is read as the year meant, and reported the same way; every character of a year is a digit, so its fix is safe. So are a canonical id's year and serial (`O9LISBON4l2`, read as 09LISBON412; the serial from its first digit, since a post may end with such a letter: `09TOKYO4l2` is TOKYO's 412). A serial or year of letters alone (`STATE IIO`, `IO LISBON 412`), a post, a date (`1O MAY 2009`) and a citation with words after its serial (`AND PREVIOUS`) are not read so. Other letters a scan may leave for a digit (`g` for 9, `S` for 5) are not read, since they stand for letters as often.",
    source: "The project's review of typed and OCR transcriptions; the confusions are those CBL011, CBL015 and CBL022 read in a banner's serial, a DECL date and a Classified By section. No REF citation of the 200 cables of the corpus writes a letter in its serial, so no real cable is reported.",
  },
  check(cable, report) {
    for (const item of cable.refs?.items ?? []) {
      const citation = item.cable;
      if (citation?.misreadYear !== undefined) {
        // "O9 LISBON 412": the year opens the citation, on its first line; every letter in it stands for a digit.
        const { line, character } = item.citation.range.start;
        misreadPart(cable, item.citation.text, 'year', citation.misreadYear, line, character, report);
      }
      if (citation?.misread !== undefined) {
        // The serial ends the citation, on its last line.
        const { line, character } = item.citation.range.end;
        misreadPart(cable, item.citation.text, 'serial', citation.misread, line, character - citation.misread.length, report);
      }
    }
  },
};

/**
 * Reports the year or serial `written` at `start` on `line` of the citation `text`, with a letter for a digit, and its fix,
 * which writes the digits: safe where each letter stands between digits of a serial (`4l2`), or in a year, whose every
 * character is a digit; for the user to choose where one opens or ends a serial (`l23`, `12O`).
 */
function misreadPart(cable: Cable, text: string, part: 'year' | 'serial', written: string, line: number, start: number, report: Report): void {
  if (start < 0 || cable.lines[line].slice(start, start + written.length) !== written) return;
  const edits: TextEdit[] = [];
  const slips: string[] = [];
  let between = true;
  for (let k = 0; k < written.length; k++) {
    if (isDigit(written.charCodeAt(k))) continue;
    const digit = written[k] === 'O' ? '0' : '1';
    edits.push({ range: { start: { line, character: start + k }, end: { line, character: start + k + 1 } }, newText: digit });
    const slip = `the letter '${written[k]}' for the digit ${digit}`;
    if (!slips.includes(slip)) slips.push(slip);
    // "4l2", "5ll20": a letter with digits before and after it stands for one; "l23", "12O" at an end are read so too, but
    // offered, not applied.
    between &&= DIGIT.test(written.slice(0, k)) && DIGIT.test(written.slice(k + 1));
  }
  const safe = part === 'year' || between;
  const fixed = serialDigits(written);
  report({
    message: `REF citation '${text}' has ${slips.join(' and ')} in its ${part}: read as ${fixed}.`,
    range: { start: { line, character: start }, end: { line, character: start + written.length } },
    fixes: [{ title: `Write '${fixed}'`, edits, safe, preferred: safe }],
  });
}
