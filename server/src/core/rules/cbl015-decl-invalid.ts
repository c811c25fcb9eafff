/**
 * CBL015 decl-invalid: The DECL value is not a date: an impossible date is an error, free text a warning, an event, OADR/GDS or declassified notes info.
 */
import type { Rule } from './types';
import { declNamesEvent } from './util';


export const rule: Rule = {
  id: 'CBL015',
  name: 'decl-invalid',
  description: "The DECL value is not a date: an impossible date is an error, free text a warning, an event, OADR/GDS or declassified notes info.",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "E.O. 12958: DECL: 13/27/2019",
    good: "E.O. 12958: DECL: 05/27/2019",
    rationale: "Declassification dates are read by machines; a value that is not a date cannot be acted on. A value that names an event (`DECL: CLOSURE OF ICTY`) is only an info: the directive that carries out E.O. 12958 lets the classifier assign a date or an event as the declassification instruction. A value blanked by the release (`DECL: XXXXXXXXXXXX`) is not reported: the cable gave one.",
    source: "Corpus analysis of the released cables: no impossible dates (CORPUS-FINDINGS, 'Safe as errors'); ~30 non-date values, 2.3%, with OADR and GDS legitimate in old cables (CORPUS-FINDINGS, 'Warnings'). The declassification instruction may be a date or an event: [CFR2001].",
  },
  check(cable, report) {
    const decl = cable.eo?.decl;
    // "DECL: XXXXXXXXXXXX": the release blanked the value; the cable gave one.
    if (!decl || decl.kind === 'redacted') return;
    if (decl.kind === 'date' && decl.impossible) {
      report({ message: `DECL date '${decl.value.text}' does not exist.`, range: decl.value.range, severity: 'error' });
    } else if (decl.kind === 'text') {
      const empty = decl.value.range.start.character === decl.value.range.end.character;
      const range = empty ? cable.eo!.range : decl.value.range;
      // "E.O. 12958: DECL:" with nothing after it, as while it is typed.
      if (empty) report({ message: 'DECL gives no date (for example "DECL: 05/27/2019").', range });
      // "DECL: CLOSURE OF ICTY": an event, which the directive allows in place of a date.
      else if (declNamesEvent(decl.value.text)) report({ message: `DECL value '${decl.value.text}' names an event, not a date (allowed, but no machine can act on it).`, range, severity: 'info' });
      else report({ message: `DECL value '${decl.value.text}' is not a date.`, range });
    } else if (decl.kind === 'oadr' || decl.kind === 'gds' || decl.kind === 'declassified' || decl.kind === 'x-code') {
      report({ message: `DECL value '${decl.value.text}' is a code, not a date (legitimate in older or declassified cables).`, range: decl.value.range, severity: 'info' });
    }
  },
};
