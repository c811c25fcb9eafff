/**
 * CBL019 subject-missing: No SUBJECT line.
 */
import { documentStart, misspelledLabel, replaceFix } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL019',
  name: 'subject-missing',
  description: "No SUBJECT line.",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "TAGS: PREL MT\n\n¶1. (C) …",
    good: "TAGS: PREL MT\nSUBJECT: HARBOR PATROLS\n\n¶1. (C) …",
    rationale: "The subject is how readers and indexes name a cable. A line above the first paragraph whose label has one character wrong or a semicolon for its colon (`5UBJECT:`, `SUBJECl:`, `SUBJECT;`, as OCR and typing leave it) is named as the missing field, with a fix that writes the label.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS, 'Warnings'): missing in 11 of 1,295 (0.8%), mostly dropped in one-paragraph-per-line copies.",
  },
  check(cable, report) {
    if (cable.subject) return;
    // "5UBJECT: FERRY TALKS": the field is there, its label misread.
    const label = misspelledLabel(cable, 'SUBJECT', 'SUBJECT:');
    if (label) {
      const written = cable.lines[label.range.start.line].slice(label.range.start.character, label.range.end.character);
      report({ message: `No SUBJECT line: '${written}' reads as a misspelled SUBJECT label.`, range: label.range, fixes: [replaceFix(`Write '${label.text}'`, label.range, label.text, false, true)] });
      return;
    }
    report({ message: 'No SUBJECT line.', range: cable.tags?.range ?? cable.eo?.range ?? documentStart(cable) });
  },
};
