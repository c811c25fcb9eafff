/**
 * CBL015 decl-invalid: The DECL value is not a date: an impossible date is an error, free text a warning, an event, OADR/GDS or declassified notes info; a date with a letter for a digit ('2O15/03/12', 'I2/31/2014') or for a slash ('12l31/2019') is read as the date meant and reported with the digits.
 */
import type { Rule, TextEdit } from './types';
import { declNamesEvent } from './util';


export const rule: Rule = {
  id: 'CBL015',
  name: 'decl-invalid',
  description: "The DECL value is not a date: an impossible date is an error, free text a warning, an event, OADR/GDS or declassified notes info; a date with a letter for a digit ('2O15/03/12', 'I2/31/2014') or for a slash ('12l31/2019') is read as the date meant and reported with the digits.",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "E.O. 12958: DECL: 13/27/2019",
    good: "E.O. 12958: DECL: 05/27/2019",
    rationale: "Declassification dates are read by machines; a value that is not a date cannot be acted on. A value that names an event (`DECL: CLOSURE OF ICTY`) is only an info: the directive that carries out E.O. 12958 lets the classifier assign a date or an event as the declassification instruction. A value blanked by the release (`DECL: XXXXXXXXXXXX`) is not reported: the cable gave one. A letter l or I typed or scanned for the digit 1, or O for 0, among a date's digits (`DECL: 2O15/03/12`, `O3/12/2019`, `I2/31/2014`) is read as the digit it stands for when that makes a real date, as a banner's serial is (CBL011), so the cable's declassification date is the one meant (CBL016 and CBL048 check it); the message names each letter and the digit it stands for, and the fix writes those digits, touching no other character. A value that makes no real date even so (`I3/27/2019`) stays text. A date of ten characters with a slash typed or scanned as an l, I or `|` (`12l31/2019`, `2015I03/12`), which was free text before, is read as the date meant where one shape alone, mm/dd/yyyy or yyyy/mm/dd, puts a slash there and the date is real, and the fix writes the slash; a digit 1 so read (`12131/2019`) is a reading only that shape makes, and its fix is for you to choose. A date of another length (`2l31/2019`, `12l31/19`), or one both shapes read (`1111111111`), stays text. A value the E.O. line wrapped onto the line under it (`E.O. 12958:` ⏎ `DECL: 2O19/03/07`) is checked the same way, with its range and fix on that line, and so is one under a DECL keyword that gives none, the keyword written again with it (`E.O. 12958: DECL:` ⏎ `DECL: 12/31/2019`) or free text before a TAGS field sharing its line (`E.O. 12958: DECL:` ⏎ `1.6X5 FERRY TAGS: PREL`, not a date), where the first was reported as a stray line (CBL037) and the second lost, and the DECL said to give no date.",
    source: "Corpus analysis of the released cables: no impossible dates (CORPUS-FINDINGS, 'Safe as errors'); ~30 non-date values, 2.3%, with OADR and GDS legitimate in old cables (CORPUS-FINDINGS, 'Warnings'). The declassification instruction may be a date or an event: [CFR2001]. No released cable of the corpus writes a letter for a digit in its DECL date (0 of 200); the reading is the one CBL011 gives a banner's serial, for typed and scanned copies.",
  },
  check(cable, report) {
    const decl = cable.eo?.decl;
    // "DECL: XXXXXXXXXXXX": the release blanked the value; the cable gave one.
    if (!decl || decl.kind === 'redacted') return;
    if (decl.kind === 'date' && decl.misread !== undefined) {
      // "DECL: 2O15/03/12": a letter for a digit, read as the date meant; the fix writes the digits and touches nothing else.
      const written = decl.value.text;
      const meant = decl.misread;
      const edits: TextEdit[] = [];
      const letters: string[] = [];
      const { line, character } = decl.value.range.start;
      for (let k = 0; k < written.length; k++) {
        if (written[k] === meant[k]) continue;
        edits.push({ range: { start: { line, character: character + k }, end: { line, character: character + k + 1 } }, newText: meant[k] });
        // "12l31/2019": a letter, or the digit 1, for the slash.
        const letter = meant[k] === '/' ? `${written[k] === '1' ? 'the digit' : written[k] === '|' ? 'a bar' : 'the letter'} '${written[k]}' for the slash` : `the letter '${written[k]}' for the digit ${meant[k]}`;
        if (!letters.includes(letter)) letters.push(letter);
      }
      // A digit 1 read as a slash ("12131/2019") is a guess the shape makes, which the user takes; letters stand for what
      // they are read as.
      const guess = edits.some((e) => e.newText === '/' && written[e.range.start.character - character] === '1');
      report({
        message: `DECL date '${written}' has ${letters.join(' and ')}: read as ${meant}.`,
        range: decl.value.range,
        fixes: [{ title: `Write '${meant}'`, edits, safe: !guess, preferred: true }],
      });
    } else if (decl.kind === 'date' && decl.impossible) {
      report({ message: `DECL date '${decl.value.text}' does not exist.`, range: decl.value.range, severity: 'error' });
    } else if (decl.kind === 'text') {
      const empty = decl.value.range.start.character === decl.value.range.end.character;
      const range = empty ? cable.eo!.range : decl.value.range;
      // "E.O. 12958: DECL:" with nothing after it, as while it is typed.
      if (empty) report({ message: 'DECL gives no date (for example "DECL: 05/27/2019").', range });
      // "DECL: CLOSURE OF ICTY": an event, which the directive allows in place of a date.
      else if (declNamesEvent(decl.value.text)) report({ message: `DECL value '${decl.value.text}' names an event, not a date (allowed, but no machine can act on it).`, range, severity: 'info' });
      else report({ message: `DECL value '${decl.value.text}' is not a date.`, range });
    } else if (decl.kind === 'oadr' || decl.kind === 'gds' || decl.kind === 'declassified' || decl.kind === 'x-code') {
      report({ message: `DECL value '${decl.value.text}' is a code, not a date (legitimate in older or declassified cables).`, range: decl.value.range, severity: 'info' });
    }
  },
};
