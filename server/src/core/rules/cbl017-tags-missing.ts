/**
 * CBL017 tags-missing: No TAGS line, or a TAGS line that names none.
 */
import { documentStart } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL017',
  name: 'tags-missing',
  description: "No TAGS line, or a TAGS line that names none.",
  tags: ["metadata"],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    bad: "E.O. 12958: DECL: 06/03/2019\nSUBJECT: …",
    good: "E.O. 12958: DECL: 06/03/2019\nTAGS: PREL MT\nSUBJECT: …",
    rationale: "TAGS file the cable; without them it cannot be found by subject or country.",
    source: "FORMAT.md §5; corpus analysis of the released cables (CORPUS-FINDINGS, 'Safe as errors'): missing in 1 of 1,295 (a truncated file).",
  },
  check(cable, report) {
    if (!cable.tags) report({ message: 'No TAGS line (for example "TAGS: PREL PGOV FR").', range: cable.eo?.range ?? documentStart(cable) });
    else if (cable.tags.tags.length === 0) report({ message: 'The TAGS line names no TAGS (for example "TAGS: PREL PGOV FR").', range: cable.tags.range });
  },
};
