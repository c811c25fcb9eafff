/**
 * CBL037 header-field-order: Metadata fields out of the usual order E.O. → TAGS → SUBJECT → REF → Classified By, or a line among them that is no field nor part of one.
 */
import type { Rule } from './types';
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
    rationale: "The standard order helps readers find each field; other orders occur and are only noted. A line between two fields that is no field nor part of one (`E.O. 12958: DECL: 05/14/2019` ⏎ `FOR THE FERRY DESK` ⏎ `TAGS: PREL`: an office line written below the E.O. line, a note, or words left by a transcription) is noted too, where a field not read yet opens the line right under it (or under the line after it, two such lines in a row at most, with no blank line among them or above them): the fields under it are read as ever, where the header used to end at it, its TAGS, SUBJECT and Classified By lost and reported missing (CBL017, CBL019, CBL020). A second E.O. line there is said to write the line again (the first is read); a line opening with a misspelt label of a field missing (`S UBJECT; …`) is left to the rule that finds the field missing (CBL019, CBL020). A line that reads as the DECL value under an E.O. line whose DECL keyword gives none (`E.O. 12958: DECL:` ⏎ `05/14/2019`) is the value, not such a line (CBL015 checks it). While a stray line is the line being typed (a field's label begun between two fields), its finding waits.",
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
      // The field ending nearest above it and the one starting nearest below it.
      let above = -1;
      let below = -1;
      let aboveLine = -1;
      let belowLine = Infinity;
      for (let k = 0; k < ranges.length; k++) {
        const r = ranges[k];
        if (r && r.end.line < line && r.end.line > aboveLine) [above, aboveLine] = [k, r.end.line];
        if (r && r.start.line > line && r.start.line < belowLine) [below, belowLine] = [k, r.start.line];
      }
      const place = above >= 0 && below >= 0 ? `between ${FIELDS[above]} and ${FIELDS[below]}` : 'among the header fields';
      // "E.O. 12958: N/A" written twice: the parser reads the first.
      const said = EO_AGAIN.test(stray.text) ? 'writes the E.O. line again; the first is read' : 'is no header field nor part of one';
      report({ message: `Line '${stray.text}' ${place} ${said}.`, range: stray.range, kind: 'stray-line' });
    }
  },
};


/** An E.O. label and its order opening a line ("E.O. 12958", "EO 12958"), as the parser reads the field's. */
const EO_AGAIN = /^[Ee](?:\. ?)?[Oo0]\.?\s*\d{4,6}(?![0-9])/;

/** The fields in their usual order, as findings name them. */
const FIELDS = ['E.O.', 'TAGS', 'SUBJECT', 'REF', 'Classified By'];
