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
    source: "CORPUS-FINDINGS §4 \"Header field order\" and C: 19 of 1,295 (1.5%).",
  },
  check(cable, report) {
    const fields = [
      ['E.O.', cable.eo?.range],
      ['TAGS', cable.tags?.range],
      ['SUBJECT', cable.subject?.range],
      ['REF', cable.refs?.range],
      ['Classified By', cable.classifiedBy?.range],
    ] as const;
    let last: { name: string; line: number; character: number } | undefined;
    for (const [name, r] of fields) {
      if (!r) continue;
      // Classified By before REF is a common variant (8 cables) and is not flagged.
      if (last && (r.start.line < last.line || (r.start.line === last.line && r.start.character < last.character)) && !(name === 'Classified By' && last.name === 'REF')) {
        report({ message: `${name} comes before ${last.name}; the usual order is E.O., TAGS, SUBJECT, REF, Classified By.`, range: r });
      }
      if (!last || r.start.line > last.line || (r.start.line === last.line && r.start.character > last.character)) last = { name, line: r.start.line, character: r.start.character };
    }
  },
};
