/**
 * CBL049 label-punctuation: A field's label typed or scanned with a semicolon for its colon ('TAGS;', 'SUBJECT;',
 * 'REF;', 'Classified By;'), a full stop for it ('TAGS.', 'SUBJECT.'), a character wrong or lost ('SUBIECT:', 'TACS',
 * 'Classifed By:', 'TAG5:'), a stray space inside it ('SUBJ ECT:', 'Classi fied By:'), a zero for the O of 'E.O.' ('E.0. 12958') or a space inside it ('E. O.'), which the parser reads as the label, or written
 * twice ('SUBJECT: SUBJECT:', 'REF: REF (A)', 'TAGS: TAGS:', 'Classified By: Classified by'), which it reads as one label or
 * as the field's text, and a REF item's letter written twice ('A. (A) PARIS 1817'), which it reads as one letter.
 */
import type { Cable, Range, RefItem, Token } from '../model';
import { labelSpeltRight, type Field } from '../parse/metadata';
import { skipSpaces } from '../text';
import type { Fix, Report, Rule } from './types';

export const rule: Rule = {
  id: 'CBL049',
  name: 'label-punctuation',
  description: "A field's label typed or scanned with a semicolon for its colon ('TAGS;', 'SUBJECT;', 'REF;', 'Classified By;'), a full stop for it ('TAGS.', 'SUBJECT.'), a character wrong or lost ('SUBIECT:', 'TACS PREL', 'Classifed By:', 'TAG5:'), a stray space inside it ('SUBJ ECT:', 'T AGS:', 'Classi fied By:'), a zero for the O of 'E.O.' ('E.0. 12958') or a space inside it ('E. O.'), which is read as the label, or written twice ('SUBJECT: SUBJECT:', 'REF: REF (A)', 'TAGS: TAGS:', 'E.O. 12958: E.O. 12958:', 'Classified By: Classified by'), which is read as one label or as the field's text, and a REF item's letter written twice ('A. (A) PARIS 1817').",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "E.0. 12958: DECL: 06/03/2019\nTAGS; PREL MT\nSUBJECT: SUBJECT: HARBOR PATROLS\nREP: VALLETTA 398\n\nClassified By; Ambassador Ruth Calloway for reasons 1.4 (b) and (d).",
    good: "E.O. 12958: DECL: 06/03/2019\nTAGS: PREL MT\nSUBJECT: HARBOR PATROLS\nREF: VALLETTA 398\n\nClassified By: Ambassador Ruth Calloway for reasons 1.4 (b) and (d).",
    rationale: "A transcription of a paper copy leaves a semicolon or a full stop where the colon was (`SUBJECT;`, `TAGS.`), a zero where the letter O was (`E.0.`), a space after a full stop (`E. O.`) a letter misread, swapped or lost (`SUBIECT:`, `TACS PREL`, `SUBJCET:`, `Classifed By:`, `TAG5:`) and a stray space splitting a label whose letters are all right (`SUBJ ECT:`, `T AGS:`, `Classi fied By:`), as OCR and typing do; `SUBJ ECT:` was read as the short label `SUBJ` with the subject `ECT: …`, and `TAG5:` or `TAG S:` as `TAG` with a TAG `5:` or `S:`, with nothing said. Such a label is read as the field it names, so the field, and the fields under it, are checked as any other, but the copy differs from the cable: the safe fix writes the colon, the O or the label as it is spelt, or deletes the space, and changes nothing else. A label is read misspelt only at a line's start in the metadata, one character off (two side by side swapped, or one lost from TAGS, SUBJECT or Classified By), with its colon, or for TAGS, written without one as a third of the cables do, with a TAG in capitals after it (`TACS PGOV`), and only while its field is still to come; a full stop is read as the colon of TAGS and SUBJECT alone, as `Ref.` may open a sentence. A label written twice (`SUBJECT: SUBJECT: …`, `REF: REF (A) …`, `TAGS: TAGS: PREL`, `Classified By: Classified By: …`, `E.O. 12958: E.O. 12958: DECL: …`), as a copy or a drafter may leave it, is read as one label, or its second copy as the field's text (a TAG `TAGS`, a citation `REF:`; the E.O. label's copy, with the same order, is passed over, so the DECL value after it is read and checked; so is the Classified By label's copy without a colon, `Classified By: Classified by Ambassador …`, `Classified By: CLASSIFIED BY POLITICAL COUNSELOR …`, which the classifier leaves out); its safe fix deletes the repeated copy alone. A REF item's letter written twice on its line (`A. (A) PARIS 1817`, `¶B. B) MADRID 156`, `(B) B. STATE 12345`: the release's lettering in front of the cable's own) is read as one letter, the second the item's, so the sequence and the references to it are checked as for any item; this is info, as the two letters agree and nothing is left to guess, and its safe fix deletes the second copy. No fix is offered where that copy is a letter and a full stop before a word that starts no cable citation (`A. A. SMITH LETTER …`), which may be a name's initial; where another item shares its line (`A. A. SMITH LETTER … B. B. JONES CABLE …`), the list is the cable's own, as the release's lettering puts each item on a line of its own, and that letter is an initial, which the parser reads as the start of the item's citation (`A. SMITH LETTER …`, item A): no finding; a level's letter in parentheses after the same letter (`¶C. (C) STATE 51187`) is that item's portion marking, and no copy, unless the items before it have their letters written twice too (`A. (A) …`, `¶B. (B) …`, `¶C. (C) …`, as 05PARIS7835 writes them), so that the safe fix never deletes a marking; letters that differ (`A. (B) …`) are no copy of each other, and CBL023 checks their sequence. A label the parser cannot read so (`S UBJECT;`, a space inside and a semicolon; `ClassifiedBy:`, letters right and joined) is not read as the field; CBL019 and CBL020 name it.",
    source: "The project's review of typed and OCR transcriptions; corpus analysis of the released cables: none of the 200 cables of the corpus writes such a label. A label written twice: 6 of the 200 (`SUBJECT: SUBJECT: …`, 09KABUL1239 and 10BRUSSELS183; `Classified By: Classified by …` or `Classified By: CLASSIFIED BY …`, 07PARIS3733, 07PORTAUPRINCE408, 08BRASILIA674 and 08LONDON2603). A REF item's letter written twice: 22 items of 8 of the 200 (05MADRID171, 05PARIS7835, 07PARIS2027, 07PARIS3956, 08BAGHDAD357, 08MOSCOW2545, 09BAMAKO776, 10KABUL467), each item on a line of its own; 06ISLAMABAD3705's inline `A. A. MAIER - … B. B. LAMBERT - …`, reported before as two letters that may be written twice, is a list of names with their initials.",
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
    // "E. O. 12958": a space typed after the first full stop, which the fix deletes.
    const space = eo ? eo.text.indexOf(' ') : -1;
    if (eo && space >= 0) {
      report({
        message: `The E.O. label '${eo.text}' has a space inside it.`,
        range: eo.range,
        fixes: [fix(`Write '${eo.text.slice(0, space)}${eo.text.slice(space + 1)}'`, character(eo.range, space), '')],
      });
    }
    // "E.O. 12958: E.O. 12958: DECL: …": the label and its order again, which the parser skips before the DECL value.
    const again = cable.eo?.repeated;
    if (eo && again && cable.eo?.order) {
      const first = cable.eo.order.range.end;
      const colon = cable.lines[first.line].charCodeAt(first.character) === 58 /* : */ ? 1 : 0;
      const copy = { start: { line: first.line, character: first.character + colon }, end: again.range.end };
      writtenTwice('E.O.', cable.lines[first.line].slice(eo.range.start.character, again.range.end.character), copy, again.text, report);
    }
    misspelt(cable.tags?.keyword, 'tags', 'TAGS', 'Tags', report);
    misspelt(cable.subject?.keyword, 'subject', 'SUBJECT', 'Subject', report);
    misspelt(cable.refs?.keyword, 'ref', 'REF', 'Ref', report);
    misspelt(cable.classifiedBy?.keyword, 'clby', 'CLASSIFIED BY', 'Classified By', report);
    semicolon(cable.tags?.keyword, 'TAGS', report);
    semicolon(cable.subject?.keyword, 'SUBJECT', report);
    semicolon(cable.refs?.keyword, 'REF', report);
    semicolon(cable.classifiedBy?.keyword, 'Classified By', report);
    repeated(cable.tags?.keyword, 'TAGS', report);
    repeated(cable.subject?.keyword, 'SUBJECT', report);
    repeated(cable.refs?.keyword, 'REF', report);
    repeated(cable.classifiedBy?.keyword, 'Classified By', report);
    // "REF: REF (A) MADRID 3785": the parser skips the second REF before the first item; it is no part of the keyword.
    // "TAGS: TAGS: PREL", "REF: REF: A. …", "Classified By: Classified By: …": the second label is read as the field's text.
    againAfter(cable, cable.tags?.keyword, TAGS_AGAIN, 'TAGS', report);
    if (!againAfter(cable, cable.refs?.keyword, REF_AGAIN, 'REF', report)) againAfter(cable, cable.refs?.keyword, REF_COLON_AGAIN, 'REF', report);
    againAfter(cable, cable.classifiedBy?.keyword, CLBY_AGAIN, 'Classified By', report);
    for (const item of cable.refs?.items ?? []) if (item.doubledLetter) letterTwice(cable, item, report);
  },
};

/**
 * Reports a REF item's letter written twice on its line (`A. (A) PARIS 1817`, `¶B. B) MADRID 156`, `(B) B. STATE 12345`), which
 * the parser reads as one letter, the second copy the item's own: info, as the letters agree and nothing is left to guess.
 * Its safe fix deletes the second copy and the spaces before it; none is offered where that copy is a letter and a full stop
 * before a word that starts no cable citation (`A. A. SMITH LETTER`, but not `A. A. BAMAKO 754`), which may be a name's initial
 * rather than the letter again.
 */
function letterTwice(cable: Cable, item: RefItem, report: Report): void {
  const first = item.doubledLetter!.range;
  const second = item.letterToken?.range;
  if (!second || first.start.line !== second.end.line) return;
  const line = cable.lines[second.end.line];
  const copy = { start: first.end, end: second.end };
  const written = line.slice(second.start.character, second.end.character);
  const next = line.charCodeAt(skipSpaces(line, second.end.character));
  const initial = !item.cable && written.charCodeAt(written.length - 1) === 46 /* . */ && (next | 32) >= 97 && (next | 32) <= 122;
  // "REF: A. A. MAIER - QUINN EMAIL … B. B. LAMBERT - …" (06ISLAMABAD3705): items that share a line are the cable's own list,
  // where such a letter is a name's initial; the parser reads it so (`#initialsNotLetters`), with no letter written twice.
  report({
    // "A. A. MAIER - QUINN EMAIL": the message says what the missing fix says, that the second "A." may be an initial.
    message: initial
      ? `The letter of REF item ${item.letter} may be written twice ('${line.slice(first.start.character, second.end.character)}'), unless '${written}' is a name's initial.`
      : `The letter of REF item ${item.letter} is written twice ('${line.slice(first.start.character, second.end.character)}').`,
    range: copy,
    severity: 'info',
    fixes: initial ? undefined : [{ title: `Delete the repeated '${written}'`, edits: [{ range: copy, newText: '' }], safe: true, preferred: true }],
  });
}

/** Reports a label ending with a semicolon ("SUBJECT;", "REF;", "Classified By;") or a full stop ("TAGS."), with the fix that writes its colon. */
function semicolon(keyword: Token | undefined, name: string, report: Report): void {
  // "SUBJECT; SUBJECT: …": a keyword written twice is one keyword, the semicolon ending its first copy.
  // "SUBJECT. FERRY TALKS", "TAGS. PREL": a full stop read as the colon, which only TAGS and SUBJECT take.
  const semi = keyword ? SEPARATOR.exec(keyword.text)?.index ?? -1 : -1;
  if (!keyword || semi < 0) return;
  const label = keyword.text.slice(0, semi + 1);
  report({
    message: `The ${name} label '${label}' has a ${label.endsWith('.') ? 'full stop' : 'semicolon'} for its colon.`,
    range: { start: keyword.range.start, end: { line: keyword.range.start.line, character: keyword.range.start.character + semi + 1 } },
    fixes: [fix(`Write '${label.slice(0, -1)}:'`, character(keyword.range, semi), ':')],
  });
}

/**
 * Reports a label the parser read with a character wrong or lost ("SUBIECT:", "TACS PGOV", "Classifed By:", "TAG5:") or split by a
 * stray space ("SUBJ ECT:", "Classi fied By:"), with the safe
 * fix that writes the label right, in capitals where it was written so (`upper`) and as `title` otherwise, its separator kept.
 */
function misspelt(keyword: Token | undefined, field: Field, upper: string, title: string, report: Report): void {
  // A label as the parser's keyword patterns read it right: any other is one it read misspelt ("SUBIECT:", "TACS").
  if (!keyword || labelSpeltRight(field, keyword.text)) return;
  const end = /[:;.]/.exec(keyword.text)?.index ?? keyword.text.length;
  const written = keyword.text.slice(0, end).trimEnd();
  const right = written === written.toUpperCase() ? upper : title;
  const name = upper === 'CLASSIFIED BY' ? title : upper;
  const r = { start: keyword.range.start, end: { line: keyword.range.start.line, character: keyword.range.start.character + written.length } };
  // "SUBJ ECT:", "Classi fied By:": every letter right, a stray space inside the label.
  const split = written.replace(/ /g, '').toUpperCase() === upper.replace(/ /g, '');
  report({
    message: split ? `The ${name} label '${keyword.text}' has a stray space inside it: read as ${name}.` : `The ${name} label '${keyword.text}' is misspelt: read as ${name}.`,
    range: r,
    fixes: [fix(`Write '${right}'`, r, right)],
  });
}

// The separator that is no colon at the end of a label: "SUBJECT;", "TAGS.".
const SEPARATOR = /[;.]/;

// "REF: REF (A) …": the second REF, with the spaces before it, in front of an item's lettering.
const REF_AGAIN = /^\s*REF(?=\s+\()/;
// "REF: REF: A. …", "TAGS: TAGS: PREL", "Classified By: Classified By: …": the label again, with its colon, after the keyword.
const REF_COLON_AGAIN = /^\s*REF\s*[:;]/i;
const TAGS_AGAIN = /^\s*TAGS\s*[:;]/i;
// "Classified By: Classified by Ambassador …", "Classified By: CLASSIFIED BY POLITICAL …": the second copy, with or without
// its colon, which the parser leaves out of the classifier; the spaces after a copy without one stay.
const CLBY_AGAIN = /^\s*Classified\s+By(?![A-Za-z])(?:\s*[:;])?/i;

/**
 * Reports the label `again` finds right after `keyword` on its line, read as the field's text ("TAGS: TAGS: PREL" reads TAGS
 * as a TAG), with the safe fix that deletes it and the spaces before it; true when it found one.
 */
function againAfter(cable: Cable, keyword: Token | undefined, again: RegExp, name: string, report: Report): boolean {
  if (!keyword) return false;
  const end = keyword.range.end;
  const m = again.exec(cable.lines[end.line].slice(end.character));
  if (!m) return false;
  const copy = { start: end, end: { line: end.line, character: end.character + m[0].length } };
  writtenTwice(name, `${keyword.text}${m[0]}`, copy, m[0].trim(), report);
  return true;
}

/**
 * Reports a label the parser read as one though written twice ("SUBJECT: SUBJECT:", "SUBJECT; SUBJECT:"), with the safe fix that
 * deletes the second copy and the spaces before it: "SUBJECT: AFGHANISTAN …" stays.
 */
function repeated(keyword: Token | undefined, name: string, report: Report): void {
  if (!keyword || keyword.range.start.line !== keyword.range.end.line) return;
  const text = keyword.text;
  // The first copy ends at its colon (or the semicolon CBL049 reports too); what follows it in the keyword is the second.
  let end = -1;
  for (let i = 0; i < text.length - 1 && end < 0; i++) if (text.charCodeAt(i) === 58 /* : */ || text.charCodeAt(i) === 59 /* ; */) end = i + 1;
  if (end < 0) return;
  const copy = { start: { line: keyword.range.start.line, character: keyword.range.start.character + end }, end: keyword.range.end };
  writtenTwice(name, text, copy, text.slice(end).trim(), report);
}

/**
 * Reports the label `name` written twice (`written`: both copies as the line gives them), with the safe fix that deletes
 * `copy`, the second copy (`repeated`) and the spaces before it.
 */
function writtenTwice(name: string, written: string, copy: Range, repeated: string, report: Report): void {
  report({
    message: `The ${name} label is written twice ('${written}').`,
    range: copy,
    fixes: [{ title: `Delete the repeated '${repeated}'`, edits: [{ range: copy, newText: '' }], safe: true, preferred: true }],
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
