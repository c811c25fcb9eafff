/**
 * CBL036 caveat-conflict: SIPDIS together with NODIS or EXDIS captions.
 */
import type { Caveat } from '../model';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL036',
  name: 'caveat-conflict',
  description: "SIPDIS together with NODIS or EXDIS captions.",
  tags: ["banner"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "NODIS\nSIPDIS",
    good: "NODIS",
    rationale: "SIPDIS releases a cable to the SIPRNet database; NODIS/EXDIS captions restrict distribution, so the two never go together.",
    source: "Corpus analysis of the released cables (FORMAT.md §7 rule 16): 1,212 of 1,212 (weak: none of them has a NODIS/EXDIS caption); [SIPDIS05].",
  },
  check(cable, report) {
    // The first SIPDIS and the first NODIS or EXDIS.
    const caveats = cable.caveats;
    let sipdis: Caveat | undefined;
    let restricted: Caveat | undefined;
    for (let i = 0; i < caveats.length; i++) {
      const c = caveats[i];
      if (!sipdis && c.name === 'SIPDIS') sipdis = c;
      if (!restricted && (c.name === 'NODIS' || c.name === 'EXDIS')) restricted = c;
    }
    if (sipdis && restricted) {
      report({ message: `SIPDIS together with ${restricted.name}: ${restricted.name} cables are not released to SIPRNet.`, range: sipdis.token.range, related: [{ range: restricted.token.range, message: restricted.name }] });
    }
  },
};
