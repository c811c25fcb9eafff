/**
 * CBL037 header-field-order: Metadata fields out of the usual order E.O. → TAGS → SUBJECT → REF → Classified By, or a line among them that is no field nor part of one.
 */
import { linesAsRead } from '../parse/margin';
import type { Cable } from '../model';
import type { Rule } from './types';
import { skipSpaces, trimEndOffset } from '../text';
import { misspelledLabel } from './util';

export const rule: Rule = {
  id: 'CBL037',
  name: 'header-field-order',
  description: "Metadata fields out of the usual order E.O. → TAGS → SUBJECT → REF → Classified By, or a line among them that is no field nor part of one.",
  tags: ["metadata"],
  defaultSeverity: 'info',
  fixable: false,
  docs: {
    bad: "TAGS: PREL MT\nE.O. 12958: DECL: 06/03/2019",
    good: "E.O. 12958: DECL: 06/03/2019\nTAGS: PREL MT",
    rationale: "The standard order helps readers find each field; other orders occur and are only noted. A line between two fields that is no field nor part of one (`E.O. 12958: DECL: 05/14/2019` ⏎ `FOR THE FERRY DESK` ⏎ `TAGS: PREL`: an office line written below the E.O. line, a note, or words left by a transcription) is noted too, where a field not read yet opens the line right under it (or under the line after it, two such lines in a row at most, with no blank line among them or above them): the fields under it are read as ever, where the header used to end at it, its TAGS, SUBJECT and Classified By lost and reported missing (CBL017, CBL019, CBL020). A second E.O. line there is said to write the line again (the first is read); a line opening with a misspelt label of a field missing (`S UBJECT; …`) is left to the rule that finds the field missing (CBL019, CBL020). Text that opens a field's line before its keyword, after the first field, where no field reads it (`DECL: 1.6X5 FERRY TAGS: PREL` under a whole E.O. line, `FOR THE DESK SUBJECT: …`), is noted too (`Text 'DECL: 1.6X5 FERRY' before TAGS on its line, under E.O., …`), as the parser keeps it, where it was lost unsaid; so is text before the keyword of a field read above (`FOR THE HARBOR DESK SUBJECT: PIER TALKS` under the SUBJECT line: `Text 'FOR THE HARBOR DESK' before a second SUBJECT on its line …`). A line that reads as the DECL value under an E.O. line whose DECL keyword gives none (`E.O. 12958: DECL:` ⏎ `05/14/2019`; the keyword written again with its value, `E.O. 12958: DECL:` ⏎ `DECL: 12/31/2019`; free text before a TAGS field sharing its line, `E.O. 12958: DECL:` ⏎ `1.6X5 FERRY TAGS: PREL`) is the value, not such a line (CBL015 checks it). A SUBJECT or Classified By field written a second time, on a line of its own (`SUBJECT: FERRY TALKS` ⏎ `SUBJECT: PIER FEES`), is noted with what the second says and what the first says (`A second SUBJECT says 'PIER FEES', where the first says 'FERRY TALKS'; the first is read.`): the first is the cable's, and the second, with the lines it wraps onto, is kept apart from it, where its value was lost unsaid and its wrapped lines ran into the first's subject. So is a REF field written a second time (`REF: A. STATE 12` ⏎ `REF: A. PARIS 7`), whose items ran on in the first's list (A, B, A, B, which CBL023 took for letters out of order): the note quotes each as written, its items and wrapped lines joined (`A second REF says 'A. PARIS 7', where the first says 'A. STATE 12'; the first is read.`), and the REF items the in-text references name are the first's. A SUBJECT or REF field written twice word for word, however spaced or wrapped (`REF: A. STATE 12` ⏎ `REF: A. STATE 12`), is said to be so (`The REF field is written twice, word for word: 'A. STATE 12'.`), where the note quoted the same words twice as if they differed. A REF keyword written again before the next letter of the first's list (`REF: A. STATE 12` ⏎ `REF: B. PARIS 7`) goes on with that list and is not noted. While a stray line is the line being typed (a field's label begun between two fields), its finding waits.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS §4, 'Header field order', and 'Info only'): 19 of 1,295 (1.5%).",
  },
  check(cable, report) {
    // In the order of FIELDS.
    const ranges = [cable.eo?.range, cable.tags?.range, cable.subject?.range, cable.refs?.range, cable.classifiedBy?.range];
    // The field seen so far that starts last (an index into FIELDS, -1 for none), and where it starts.
    let last = -1;
    let line = 0;
    let character = 0;
    for (let k = 0; k < ranges.length; k++) {
      const r = ranges[k];
      if (!r) continue;
      const name = FIELDS[k];
      // Classified By before REF is a common variant (8 cables) and is not flagged.
      if (last >= 0 && (r.start.line < line || (r.start.line === line && r.start.character < character)) && !(name === 'Classified By' && FIELDS[last] === 'REF')) {
        report({ message: `${name} comes before ${FIELDS[last]}; the usual order is E.O., TAGS, SUBJECT, REF, Classified By.`, range: r });
      }
      if (last < 0 || r.start.line > line || (r.start.line === line && r.start.character > character)) {
        last = k;
        line = r.start.line;
        character = r.start.character;
      }
    }
    // "E.O. 12958: DECL: 05/14/2019" ⏎ "FOR THE FERRY DESK" ⏎ "TAGS: PREL": a line among the fields that is none of them.
    // "S UBJECT; FERRY TALKS" opens with the label of a field missing, misspelt past what the parser reads, which the rule
    // that finds the field missing reports (CBL019, CBL020).
    const strays = cable.strayFieldLines;
    const labelled = strays.length === 0 ? [] : [!cable.subject && misspelledLabel(cable, 'SUBJECT', 'SUBJECT:'), !cable.classifiedBy && misspelledLabel(cable, 'CLASSIFIEDBY', 'Classified By:')];
    for (const stray of strays) {
      const line = stray.range.start.line;
      if (labelled.some((l) => l && l.range.start.line === line)) continue;
      // The field ending nearest above it and the one starting nearest below it; a stray's text before a field's keyword on
      // its line ("DECL: 1.6X5 FERRY TAGS: PREL" under a whole E.O. line) has that field below it, on its own line.
      const end = stray.range.end;
      let above = -1;
      let below = -1;
      for (let k = 0; k < ranges.length; k++) {
        const r = ranges[k];
        if (r && r.end.line < line && (above < 0 || r.end.line > ranges[above]!.end.line)) above = k;
        if (r && (r.start.line > end.line || (r.start.line === end.line && r.start.character >= end.character)) && (below < 0 || before(r.start, ranges[below]!.start))) below = k;
      }
      const place = above >= 0 && below >= 0 ? `between ${FIELDS[above]} and ${FIELDS[below]}` : 'among the header fields';
      // "E.O. 12958: N/A" written twice: the parser reads the first.
      const said = EO_AGAIN.test(stray.text) ? 'writes the E.O. line again; the first is read' : 'is no header field nor part of one';
      // Text before a field's keyword on its line: "Text 'DECL: 1.6X5 FERRY' before TAGS on its line, under E.O., …"; before the
      // keyword of a field read above, where no field starts: "Text 'FOR THE DESK' before a second SUBJECT on its line …".
      const lineText = cable.lines[end.line];
      const keyword = skipSpaces(lineText, end.character);
      const beforeBelow = below >= 0 && ranges[below]!.start.line === end.line && ranges[below]!.start.character === keyword;
      const again = beforeBelow ? undefined : fieldAfter(lineText, keyword);
      const message =
        beforeBelow
          ? `Text '${stray.text}' before ${FIELDS[below]} on its line${above >= 0 ? `, under ${FIELDS[above]},` : ''} ${said}.`
          : again !== undefined
            ? `Text '${stray.text}' before a second ${again} on its line is no header field nor part of one.`
            : `Line '${stray.text}' ${place} ${said}.`;
      report({ message, range: stray.range, kind: 'stray-line' });
    }
    // "SUBJECT: FERRY TALKS" ⏎ "SUBJECT: PIER FEES": a field written a second time, which the parser keeps apart from the first.
    // "REF: A. STATE 12" ⏎ "REF: A. PARIS 7": the first REF is quoted as written, its items and all, as the second is.
    for (const repeat of cable.repeatedFields) {
      const first = repeat.field === 'SUBJECT' ? cable.subject?.text : repeat.field === 'Classified By' ? cable.classifiedBy?.classifier?.text : firstRefText(cable);
      // "REF: A. STATE 12" ⏎ "REF: A. STATE 12": the same words again, which quoting both as two values hid.
      if (repeat.field !== 'Classified By' && first !== undefined && repeat.text !== '' && sameWords(repeat.text, first)) {
        report({ message: `The ${repeat.field} field is written twice, word for word: '${clip(repeat.text)}'.`, range: repeat.range });
        continue;
      }
      const says = repeat.text === '' ? 'gives nothing' : `says '${clip(repeat.text)}'`;
      const firstSays = first === undefined || first === '' ? '' : `, where the first says '${clip(first)}'`;
      report({ message: `A second ${repeat.field} ${says}${firstSays}; the first is read.`, range: repeat.range });
    }
  },
};


/**
 * The field whose keyword starts at `k` on line `text`, after a stray text and white space: "SUBJECT" for "FOR THE DESK
 * SUBJECT: PIER TALKS"; undefined where the text runs to the line's end (a stray line whole).
 */
function fieldAfter(text: string, k: number): string | undefined {
  if (k >= text.length) return undefined;
  const word = text.slice(k, k + 4).toUpperCase();
  if (word.startsWith('TAG')) return 'TAGS';
  if (word.startsWith('SUBJ')) return 'SUBJECT';
  if (word.startsWith('REF')) return 'REF';
  if (word.startsWith('E')) return 'E.O.';
  if (word.startsWith('CLAS') || word.startsWith('DERI')) return 'Classified By';
  return undefined;
}

/** True when `a` and `b` are the same words, however spaced or wrapped (`A.  STATE 12` and `A. STATE 12`); case counts. */
function sameWords(a: string, b: string): boolean {
  return a.trim().split(/\s+/).join(' ') === b.trim().split(/\s+/).join(' ');
}

/**
 * What the first REF field gives after its keyword, as the parser keeps a second one's text (`RepeatedField.text`): its
 * lines' text joined with one space each, `A. VALLETTA 388 ¶B. STATE 51120` for `REF: A. VALLETTA 388` ⏎ `¶B. STATE 51120`;
 * undefined where there is no REF field.
 */
function firstRefText(cable: Cable): string | undefined {
  const refs = cable.refs;
  if (!refs) return undefined;
  const after = refs.keyword.range.end;
  const end = refs.range.end;
  // "REF: A. STATE 12" ⏎ "REF: A. STATE 12" ⏎ "B. PARIS 7": a line doubled, kept as a second REF, lies inside the first's range
  // (its wrapped lines go on with the first), and is no part of what the first says.
  const again = cable.repeatedFields.filter((r) => r.field === 'REF').map((r) => r.range);
  const parts: string[] = [];
  // "| ¶B. STATE 51120": a scan's margin is no part of what the field says.
  const lines = linesAsRead(cable);
  for (let line = after.line; line <= end.line; line++) {
    if (again.some((r) => r.start.line <= line && line <= r.end.line)) continue;
    const text = lines[line];
    const from = skipSpaces(text, line === after.line ? after.character : 0);
    const to = trimEndOffset(text, line === end.line ? end.character : text.length, from);
    if (to > from) parts.push(text.slice(from, to));
  }
  return parts.join(' ');
}

/**
 * A field's text as a finding quotes it: at most 60 characters, cut with an ellipsis after its last whole word there
 * (`… COOPERATION ON…`, not `… ON MARITI…`), or inside a word of more than 20 letters.
 */
function clip(text: string): string {
  if (text.length <= 60) return text;
  const space = text.lastIndexOf(' ', 59);
  return `${text.slice(0, space >= 40 ? trimEndOffset(text, space) : 59)}…`;
}

/** True when `a` comes before `b`. */
function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** An E.O. label and its order opening a line ("E.O. 12958", "EO 12958"), as the parser reads the field's. */
const EO_AGAIN = /^[Ee](?:\. ?)?[Oo0]\.?\s*\d{4,6}(?![0-9])/;

/** The fields in their usual order, as findings name them. */
const FIELDS = ['E.O.', 'TAGS', 'SUBJECT', 'REF', 'Classified By'];
