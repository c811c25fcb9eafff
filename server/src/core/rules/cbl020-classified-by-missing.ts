/**
 * CBL020 classified-by-missing: A CONFIDENTIAL or SECRET cable has no Classified By line.
 */
import { documentStart, isClassified, misspelledLabel, replaceFix } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL020',
  name: 'classified-by-missing',
  description: "A CONFIDENTIAL or SECRET cable has no Classified By line.",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "SUBJECT: …\n\n¶1. (C) …",
    good: "SUBJECT: …\n\nClassified By: Ambassador Ruth Calloway for reasons 1.4 (b) and (d).\n\n¶1. (C) …",
    rationale: "Classified cables name who classified them and why (5 FAH-1 H-246). A line above the first paragraph whose label has one character wrong or a semicolon for its colon (`Classifled By:`, `Classified By;`, as OCR and typing leave it) is named as the missing line, with a fix that writes the label.",
    source: "Corpus analysis of the released cables: present on 1,152 of 1,172 classified cables (FORMAT.md §7 rule 17); missing on 18 of 1,186, 1.5% (CORPUS-FINDINGS, 'Warnings').",
  },
  check(cable, report) {
    if (cable.classifiedBy || !isClassified(cable)) return;
    // "Classifled By: Jane Roe, …": the line is there, its label misread.
    const label = misspelledLabel(cable, 'CLASSIFIEDBY', 'Classified By:');
    if (label) {
      const written = cable.lines[label.range.start.line].slice(label.range.start.character, label.range.end.character);
      report({ message: `${cable.banner!.level} cable has no Classified By line: '${written}' reads as a misspelled Classified By label.`, range: label.range, fixes: [replaceFix(`Write '${label.text}'`, label.range, label.text, false, true)] });
      return;
    }
    report({ message: `${cable.banner!.level} cable has no Classified By line.`, range: cable.subject?.range ?? documentStart(cable) });
  },
};
