/**
 * CBL036 caveat-conflict: SIPDIS together with NODIS or EXDIS captions, or NOFORN together with REL TO.
 */
import type { Caveat } from '../model';
import type { Rule } from './types';
import { releaseCaveat } from './util';

export const rule: Rule = {
  id: 'CBL036',
  name: 'caveat-conflict',
  description: "SIPDIS together with NODIS or EXDIS captions, or a NOFORN caveat together with a REL TO one.",
  tags: ["banner"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "NODIS\nSIPDIS",
    good: "NODIS",
    rationale: "SIPDIS releases a cable to the SIPRNet database; NODIS/EXDIS captions restrict distribution, so the two never go together. Likewise NOFORN (not releasable to foreign nationals) and REL TO (released to the countries listed) in one header (`NOFORN` over `REL TO USA, GBR`) say opposite things, and which one is meant is for you to decide.",
    source: "Corpus analysis of the released cables (FORMAT.md §7 rule 16): 1,212 of 1,212 (weak: none of them has a NODIS/EXDIS caption); [SIPDIS05]. NOFORN, not releasable to foreign nationals, and REL TO, authorized for release to the countries listed: markings.tsv, [ISM]; none of the 200 cables of the project's corpus has a REL TO caveat line.",
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
    // "NOFORN" over "REL TO USA, GBR": not releasable to foreign nationals, and released to the countries listed.
    const rel = releaseCaveat(caveats);
    const noforn = rel && caveats.find((c) => c.name === 'NOFORN');
    if (rel && noforn) {
      report({ message: `NOFORN together with ${rel.name}: a cable not releasable to foreign nationals is released to the countries listed.`, range: rel.token.range, related: [{ range: noforn.token.range, message: 'NOFORN' }] });
    }
  },
};
