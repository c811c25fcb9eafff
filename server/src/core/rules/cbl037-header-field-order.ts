/**
 * CBL037 header-field-order: Metadata fields out of the usual order E.O. → TAGS → SUBJECT → REF → Classified By.
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL037',
  name: 'header-field-order',
  description: "Metadata fields out of the usual order E.O. → TAGS → SUBJECT → REF → Classified By.",
  tags: ["metadata"],
  defaultSeverity: 'info',
  fixable: false,
  docs: {
    bad: "TAGS: PREL MT\nE.O. 12958: DECL: 06/03/2019",
    good: "E.O. 12958: DECL: 06/03/2019\nTAGS: PREL MT",
    rationale: "The standard order helps readers find each field; other orders occur and are only noted.",
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
  },
};


/** The fields in their usual order, as findings name them. */
const FIELDS = ['E.O.', 'TAGS', 'SUBJECT', 'REF', 'Classified By'];
