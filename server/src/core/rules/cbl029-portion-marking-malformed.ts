/**
 * CBL029 portion-marking-malformed: A portion marking that is not a known form ('(N/SF)', '(SNF)'), or that lost its '(' ('C)') or its ')' ('(C Deputy …').
 */
import type { Rule } from './types';
import { reportParseProblems } from './util';

export const rule: Rule = {
  id: 'CBL029',
  name: 'portion-marking-malformed',
  description: "A portion marking that is not a known form ('(N/SF)', '(SNF)'), or that lost its '(' ('C)') or its ')' ('(C Deputy …').",
  tags: ["markings"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "¶2. (N/SF) Director Anton Gauci said …",
    good: "¶2. (S/NF) Director Anton Gauci said …",
    rationale: "A marking that cannot be read cannot be checked against the banner. The marking that opens an item or a line inside the text (`¶B. (S/NOFRN) …`, `-- (S/NOFRN) …`) is checked too, when it names a level and its unknown controls are short words in capitals: `(EU) was …` or `(S-300) missiles` wrapped to a line's start is prose.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS §9): 34 spellings, typos (N/SF) and (SNF) once each; markings.tsv.",
  },
  check(cable, report) {
    // The parser records what it could not read; this rule reports it.
    reportParseProblems(cable, 'portion-marking-malformed', report);
  },
};
