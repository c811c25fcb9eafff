/**
 * CBL019 subject-missing: No SUBJECT line, or a SUBJECT line with no words.
 */
import { documentStart, fieldLineFix, misspelledLabel, replaceFix } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL019',
  name: 'subject-missing',
  description: "No SUBJECT line, or a SUBJECT line with no words ('SUBJECT:' left empty).",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "TAGS: PREL MT\n\n¶1. (C) …",
    good: "TAGS: PREL MT\nSUBJECT: HARBOR PATROLS\n\n¶1. (C) …",
    rationale: "The subject is how readers and indexes name a cable. A SUBJECT line left empty (`SUBJECT:`, a template's field never filled in) names it no better than no SUBJECT line; a subject wrapped to the line under the keyword is read there. A label with a character wrong and its colon (`5UBJECT:`, `SUBIECT:`, as OCR and typing leave it), or with a semicolon for its colon (`SUBJECT;`), is read as the SUBJECT line itself, which CBL049 reports; a line above the first paragraph whose label the parser cannot read so (`S UBJECT;`) is named as the missing field, with a fix that writes the label. Where no line reads so, a quick fix (never applied by Fix All or `--fix`) writes `SUBJECT: ` at its place, under TAGS, for you to fill in.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS, 'Warnings'): missing in 11 of 1,295 (0.8%), mostly dropped in one-paragraph-per-line copies.",
  },
  check(cable, report) {
    const subject = cable.subject;
    if (subject) {
      // "SUBJECT:" with nothing after it, on its line or a wrapped one: the cable has no name to be found by.
      if (subject.text.trim() === '') report({ message: 'The SUBJECT line gives no subject.', range: subject.keyword.range });
      return;
    }
    // "S UBJECT; FERRY TALKS": the field is there, its label misread past what the parser reads.
    const label = misspelledLabel(cable, 'SUBJECT', 'SUBJECT:');
    if (label) {
      const written = cable.lines[label.range.start.line].slice(label.range.start.character, label.range.end.character);
      report({ message: `No SUBJECT line: '${written}' reads as a misspelled SUBJECT label.`, range: label.range, fixes: [replaceFix(`Write '${label.text}'`, label.range, label.text, false, true)] });
      return;
    }
    const fix = fieldLineFix(cable, 'subject', 'SUBJECT: ');
    report({ message: 'No SUBJECT line.', range: cable.tags?.range ?? cable.eo?.range ?? documentStart(cable), ...(fix && { fixes: [fix] }) });
  },
};
