/**
 * CBL029 portion-marking-malformed: A portion marking that is not a known form ('(N/SF)', '(SNF)'), or that lost its '(' ('C)') or its ')' ('(C Deputy …').
 */
import type { Cable, Range } from '../model';
import type { Fix, Rule } from './types';
import { malformedMarking } from '../parse/body';
import { reportParseProblems, subjectMarking } from './util';

export const rule: Rule = {
  id: 'CBL029',
  name: 'portion-marking-malformed',
  description: "A portion marking that is not a known form ('(N/SF)', '(SNF)'), or that lost its '(' ('C)') or its ')' ('(C Deputy …').",
  tags: ["markings"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "¶2. (N/SF) Director Anton Gauci said …",
    good: "¶2. (S/NF) Director Anton Gauci said …",
    rationale: "A marking that cannot be read cannot be checked against the banner. A marking that lost a parenthesis is read as the level it names, and its quick fix writes the parenthesis back (`(C Deputy …` becomes `(C) Deputy …`, `C)` becomes `(C)`), which keeps that level. The marking that opens an item or a line inside the text (`¶B. (S/NOFRN) …`, `-- (S/NOFRN) …`) is checked too, when it names a level and its unknown controls are short words in capitals: `(EU) was …` or `(S-300) missiles` wrapped to a line's start is prose. The subject's marking is checked the same way (`SUBJECT: (SNF) …`; `SUBJECT: (S-300) MISSILES` is prose).",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS §9): 34 spellings, typos (N/SF) and (SNF) once each; markings.tsv.",
  },
  check(cable, report) {
    // The parser records what it could not read; this rule reports it.
    reportParseProblems(cable, 'portion-marking-malformed', report, (range) => parenthesisFix(cable, range));
    // "SUBJECT: (S/NOFRN) …": the subject's marking, which the metadata parser reads without reporting it, is checked as a line's is.
    const subject = subjectMarking(cable);
    if (subject && !subject.wellFormed) report({ message: malformedMarking(subject).message, range: subject.token.range });
  },
};

/**
 * The fix of a marking that lost its "(" or its ")" ("C)", "(C Deputy …"): the parenthesis written back, which keeps the
 * level read from it; none for a marking of an unknown form ("(N/SF)"), whose level is a guess.
 */
function parenthesisFix(cable: Cable, at: Range): Fix[] | undefined {
  if (at.start.line !== at.end.line) return undefined;
  const text = cable.lines[at.start.line].slice(at.start.character, at.end.character);
  const open = text.charCodeAt(0) === 40; /* ( */
  const close = text.charCodeAt(text.length - 1) === 41; /* ) */
  if (open && close) return undefined;
  const marking = `${open ? '' : '('}${text}${close ? '' : ')'}`;
  // Not preferred, as no fix that writes a marking is: Auto Fix applies a preferred fix unseen.
  return [{ title: `Write the marking '${marking}'`, edits: [{ range: at, newText: marking }], safe: false }];
}
