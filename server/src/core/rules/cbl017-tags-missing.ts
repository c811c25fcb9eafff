/**
 * CBL017 tags-missing: No TAGS line, or a TAGS line that lists no TAG.
 */
import { documentStart, fieldLineFix } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL017',
  name: 'tags-missing',
  description: "No TAGS line, or a TAGS line that lists no TAG ('TAGS:' left empty).",
  tags: ["metadata"],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    bad: "E.O. 12958: DECL: 06/03/2019\nSUBJECT: …",
    good: "E.O. 12958: DECL: 06/03/2019\nTAGS: PREL MT\nSUBJECT: …",
    rationale: "TAGS file the cable; without them it cannot be found by subject or country. A TAGS line left empty (`TAGS:`, a template's field never filled in) files it under nothing, as no TAGS line does; TAGS wrapped to the line under the keyword are read there. Where there is no TAGS line, a quick fix (never applied by Fix All or `--fix`) writes `TAGS: ` at its place, under the E.O. line or above SUBJECT, for you to fill in.",
    source: "FORMAT.md §5; corpus analysis of the released cables (CORPUS-FINDINGS, 'Safe as errors'): missing in 1 of 1,295 (a truncated file).",
  },
  check(cable, report) {
    const tags = cable.tags;
    if (!tags) {
      const fix = fieldLineFix(cable, 'tags', 'TAGS: ');
      report({ message: 'No TAGS line (for example "TAGS: PREL PGOV FR").', range: cable.eo?.range ?? documentStart(cable), ...(fix && { fixes: [fix] }) });
    }
    // "TAGS:" with nothing after it, on its line or a wrapped one: a template's field never filled in files the cable nowhere.
    else if (tags.tags.length === 0) report({ message: 'The TAGS line lists no TAG (for example "TAGS: PREL PGOV FR").', range: tags.keyword.range });
  },
};
