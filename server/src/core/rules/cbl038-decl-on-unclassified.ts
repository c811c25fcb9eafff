/**
 * CBL038 decl-on-unclassified: An UNCLASSIFIED cable carries a declassification instruction: any DECL value but N/A (declassification notes are info).
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL038',
  name: 'decl-on-unclassified',
  description: "An UNCLASSIFIED cable carries a declassification instruction: any DECL value but N/A (declassification notes are info).",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "UNCLAS LISBON 000977\nE.O. 12958: DECL: 11/12/2018",
    good: "UNCLAS LISBON 000977\nE.O. 12958: N/A",
    rationale: "There is nothing to declassify in an unclassified cable; a DECL date suggests the banner is wrong.",
    source: "Corpus analysis of the released cables (FORMAT.md §7 rule 18; CORPUS-FINDINGS, 'Warnings'): 3 cables, all declassified historical copies.",
  },
  check(cable, report) {
    const decl = cable.eo?.decl;
    if (cable.banner?.level !== 'UNCLASSIFIED' || !decl || decl.kind === 'na') return;
    report({ message: 'UNCLASSIFIED cable carries a declassification instruction.', range: decl.value.range.start.character === decl.value.range.end.character ? cable.eo!.range : decl.value.range, severity: decl.kind === 'declassified' ? 'info' : undefined });
  },
};
