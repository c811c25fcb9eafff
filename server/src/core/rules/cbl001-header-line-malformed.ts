/**
 * CBL001 header-line-malformed: A transmission-header format line (VZCZC, DE, ZNY/ZNR, DTG, addressee) whose fields do not parse, an addressee's precedence misspelt ('PRIORTY'), or a DTG or DE line with a letter for a digit ('11l453Z AUG O6', '#O146/0l') or a DTG month one letter off one month ('SFP').
 */
import type { Addressee, Cable } from '../model';
import { misspeltPrecedence } from '../parse/header';
import { isDigit } from '../text';
import type { Report, Rule } from './types';
import { reportParseProblems } from './util';

export const rule: Rule = {
  id: 'CBL001',
  name: 'header-line-malformed',
  description: "A transmission-header format line (VZCZC, DE, ZNY/ZNR, DTG, addressee) whose fields do not parse, an addressee's precedence misspelt ('PRIORTY'), or a DTG or DE line with a letter for a digit ('11l453Z AUG O6', '#O146/0l') or a DTG month one letter off one month ('SFP').",
  tags: ["header"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "DE RUEHVT #04I2/01 1541322\n…\nTO RUEHC/SECSTATE WASHDC PRIORTY 3187",
    good: "DE RUEHVT #0412/01 1541322\n…\nTO RUEHC/SECSTATE WASHDC PRIORITY 3187",
    rationale: "A header line that does not parse cannot be cross-checked against the banner and DTG, so every other header check goes blind. An addressee line (TO, INFO, XMT or one under them) whose last word before the serial is one or two letters lost, added, changed or swapped away from one precedence word (`PRIORTY`, `IMEDIATE`, `ROUITNE`; one letter for `FLASH`) was read as part of the address, with no precedence: it is reported, with a fix, for you to choose, that writes that precedence word in its place and changes nothing else. A word near no precedence, or near two, is left alone. A date-time group typed or scanned with a letter l or I for the digit 1, or O for 0, in its numbers, or a zero for the letter O in its month (`P 11l453Z AUG O6`, `R 161417Z N0V 09`), lost the whole line before (CBL002 said the header had no DTG line, and the cable no date); it is read as the group meant, so the date, the day of year (CBL006) and the precedences (CBL008) are checked, and reported, with a fix that writes the group meant and nothing else. A month in capitals one letter off one month alone (`P 031322Z SFP 09`, a scan's F for E), where the group is then a real date and time, is read as that month the same way (CBL004 said the group was no real date); one off two months (`JUM`, JUN or JUL) or off one whose date is none (`311322Z FFB 09`) is left as written. A DE line whose serial, section or time has a letter l or I for the digit 1, or O for 0 (`DE RUEHAK #O146/0l 223l453`), lost its serial, section and day before, so the serial against the banner's (CBL005), the section against the banner's (CBL009) and the day against the DTG's (CBL006) went unchecked; it is read as the digits meant, so they are checked, and reported, with a fix, for you to choose, that writes the digits meant and nothing else; only in the shape every DE line of the corpus has, a serial of four digits and a section of two (`#0412/I01`, a letter put in rather than one for a digit, is not read as section 101).",
    source: "FORMAT.md §2 (format lines 1–8); header-codes.tsv. Precedence words: none of the 1,380 addressees of the 203 corpus cables ends with a word one or two letters from a precedence word; 727 carry one spelt right (PRIORITY 468, IMMEDIATE 259).",
  },
  check(cable, report) {
    // The parser records what it could not read; this rule reports it.
    reportParseProblems(cable, 'header-line-malformed', report);
    const header = cable.header;
    if (!header) return;
    // "P 11l453Z AUG O6": a letter for a digit in the DTG, read as the group meant.
    const dtg = header.dtg?.dtg;
    const meant = header.dtg?.misread;
    if (dtg && meant !== undefined) {
      report({
        message: `Date-time group '${dtg.token.text}' has ${misreadWhat(dtg.token.text, meant)}: read as ${meant}.`,
        range: dtg.token.range,
        fixes: [{ title: `Write '${meant}'`, edits: [{ range: dtg.token.range, newText: meant }], safe: false, preferred: true }],
      });
    }
    // "DE RUEHAK #O146/0l 223l453": a letter for a digit in the DE line's serial, section or time, read as the digits meant.
    const de = header.de?.misread;
    if (de !== undefined) {
      report({
        message: `DE line '${de.text}' has ${misreadWhat(de.text, de.meant)}: read as ${de.meant}.`,
        range: de.range,
        fixes: [{ title: `Write '${de.meant}'`, edits: [{ range: de.range, newText: de.meant }], safe: false, preferred: true }],
      });
    }
    for (const list of [header.to, header.info, header.xmt]) for (const a of list) misspelt(cable, a, report);
  },
};

/** What a misread DTG holds for digits or letters, as the message says it: "the letter 'l' for the digit 1", "a zero for the letter O", "the letter 'F' for the letter E". */
function misreadWhat(written: string, meant: string): string {
  const parts: string[] = [];
  for (let k = 0; k < written.length && k < meant.length; k++) {
    if (written[k] === meant[k]) continue;
    // "SFP" for SEP: a letter for the month's letter.
    const part = written[k] === '0' ? 'a zero for the letter O' : isDigit(meant.charCodeAt(k)) ? `the letter '${written[k]}' for the digit ${meant[k]}` : `the letter '${written[k]}' for the letter ${meant[k]}`;
    if (!parts.includes(part)) parts.push(part);
  }
  return parts.join(' and ');
}

/** "TO RUEHC/SECSTATE WASHDC PRIORTY 3187": the address's last word, a precedence word misspelt, read as part of the address. */
function misspelt(cable: Cable, a: Addressee, report: Report): void {
  const address = a.address;
  if (a.precedence || !address || address.range.start.line !== address.range.end.line) return;
  const text = address.text;
  let start = text.length;
  while (start > 0 && text.charCodeAt(start - 1) >= 65 && text.charCodeAt(start - 1) <= 90) start--;
  // The word must stand alone after white space: "WASHDC PRIORTY", not the address's only word.
  if (start === 0 || start === text.length || (text[start - 1] !== ' ' && text[start - 1] !== '\t')) return;
  const word = text.slice(start);
  const precedence = misspeltPrecedence(word);
  if (!precedence) return;
  const line = address.range.start.line;
  const at = { start: { line, character: address.range.start.character + start }, end: address.range.end };
  if (cable.lines[line].slice(at.start.character, at.end.character) !== word) return;
  report({
    message: `'${word}' at the end of the address reads as the precedence ${precedence} misspelt.`,
    range: at,
    fixes: [{ title: `Write '${precedence}'`, edits: [{ range: at, newText: precedence }], safe: false }],
  });
}
