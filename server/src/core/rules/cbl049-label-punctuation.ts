/**
 * CBL049 label-punctuation: A field's label typed or scanned with a semicolon for its colon ('TAGS;', 'SUBJECT;',
 * 'REF;', 'Classified By;') or a zero for the O of 'E.O.' ('E.0. 12958'), which the parser reads as the label.
 */
import type { Range, Token } from '../model';
import type { Fix, Report, Rule } from './types';

export const rule: Rule = {
  id: 'CBL049',
  name: 'label-punctuation',
  description: "A field's label typed or scanned with a semicolon for its colon ('TAGS;', 'SUBJECT;', 'REF;', 'Classified By;') or a zero for the O of 'E.O.' ('E.0. 12958'), which is read as the label.",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "E.0. 12958: DECL: 06/03/2019\nTAGS; PREL MT\nSUBJECT; HARBOR PATROLS\nREF; VALLETTA 398\n\nClassified By; Ambassador Ruth Calloway for reasons 1.4 (b) and (d).",
    good: "E.O. 12958: DECL: 06/03/2019\nTAGS: PREL MT\nSUBJECT: HARBOR PATROLS\nREF: VALLETTA 398\n\nClassified By: Ambassador Ruth Calloway for reasons 1.4 (b) and (d).",
    rationale: "A transcription of a paper copy leaves a semicolon where the colon was (`SUBJECT;`, `TAGS;`) and a zero where the letter O was (`E.0.`), as OCR and typing do. Such a label is read as the field it names, so the field is checked as any other, but the copy differs from the cable: the safe fix writes the colon for the semicolon, or the O for the zero, and changes nothing else. A label with a letter wrong (`5UBJECT:`) is not read as the field; CBL019 and CBL020 name it.",
    source: "The project's review of typed and OCR transcriptions; corpus analysis of the released cables: none of the 200 cables of the corpus writes such a label.",
  },
  check(cable, report) {
    const eo = cable.eo?.keyword;
    // "E.0. 12958": the zero of the label, written as the O it stands for, in the E's case.
    const zero = eo ? eo.text.indexOf('0') : -1;
    if (eo && zero >= 0) {
      const at = character(eo.range, zero);
      const letter = eo.text.charCodeAt(0) === 101 /* e */ ? 'o' : 'O';
      const spelled = `${eo.text.slice(0, zero)}${letter}${eo.text.slice(zero + 1)}`;
      report({
        message: `The E.O. label '${eo.text}' has a zero for the letter O.`,
        range: eo.range,
        fixes: [fix(`Write '${spelled}'`, at, letter)],
      });
    }
    semicolon(cable.tags?.keyword, 'TAGS', report);
    semicolon(cable.subject?.keyword, 'SUBJECT', report);
    semicolon(cable.refs?.keyword, 'REF', report);
    semicolon(cable.classifiedBy?.keyword, 'Classified By', report);
  },
};

/** Reports a label ending with a semicolon ("SUBJECT;", "REF;", "Classified By;"), with the fix that writes its colon. */
function semicolon(keyword: Token | undefined, name: string, report: Report): void {
  // "SUBJECT; SUBJECT: …": a keyword written twice is one keyword, the semicolon ending its first copy.
  const semi = keyword ? keyword.text.indexOf(';') : -1;
  if (!keyword || semi < 0) return;
  const label = keyword.text.slice(0, semi + 1);
  report({
    message: `The ${name} label '${label}' has a semicolon for its colon.`,
    range: { start: keyword.range.start, end: { line: keyword.range.start.line, character: keyword.range.start.character + semi + 1 } },
    fixes: [fix(`Write '${label.slice(0, -1)}:'`, character(keyword.range, semi), ':')],
  });
}

/** The one character at `offset` into a single-line range. */
function character(r: Range, offset: number): Range {
  const at = r.start.character + offset;
  return { start: { line: r.start.line, character: at }, end: { line: r.start.line, character: at + 1 } };
}

/** A safe fix that replaces one character: it touches no classification. */
function fix(title: string, r: Range, newText: string): Fix {
  return { title, edits: [{ range: r, newText }], safe: true, preferred: true };
}
