/**
 * CBL036 caveat-conflict: SIPDIS together with NODIS or EXDIS captions, or NOFORN together with REL TO, in the header or in
 * one portion marking ('(S/NF/REL NATO)').
 */
import type { Caveat, PortionMarking } from '../model';
import type { Report, Rule } from './types';
import { describeHeading, describeItem, releaseCaveat, subjectMarking } from './util';

export const rule: Rule = {
  id: 'CBL036',
  name: 'caveat-conflict',
  description: "SIPDIS together with NODIS or EXDIS captions, or NOFORN together with REL TO: a NOFORN caveat with a REL TO one, or a portion marking that gives both ('(S/NF/REL NATO)').",
  tags: ["banner", "markings"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "NODIS\nSIPDIS",
    good: "NODIS",
    rationale: "SIPDIS releases a cable to the SIPRNet database; NODIS/EXDIS captions restrict distribution, so the two never go together. Likewise NOFORN (not releasable to foreign nationals) and REL TO (released to the countries listed) in one header (`NOFORN` over `REL TO USA, GBR`) say opposite things, and which one is meant is for you to decide. So do the two in one portion marking (`(S/NF/REL NATO)`, `(S//REL TO USA, GBR//NF)`), a paragraph's, an item's, a heading's (`Harbor Talks (S/NF/REL NATO)`) or the subject's: the marking is read with its level, and no fix is offered, since only you know which control the portion carries.",
    source: "Corpus analysis of the released cables (FORMAT.md §7 rule 16): 1,212 of 1,212 (weak: none of them has a NODIS/EXDIS caption); [SIPDIS05]. NOFORN, not releasable to foreign nationals, and REL TO, authorized for release to the countries listed: markings.tsv, [ISM], whose portion markings give one or the other (`(S/NF)`, `(S/REL NATO)`, `(S//REL TO USA, FVEY)`); none of the 200 cables of the project's corpus has a REL TO caveat line or a marking that gives both.",
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
    // "(S/NF/REL NATO)": one portion both not releasable to foreign nationals and released to NATO.
    const subject = subjectMarking(cable);
    if (subject) portionConflict(subject, 'The subject', report);
    const paragraphs = cable.paragraphs;
    for (let i = 0; i < paragraphs.length; i++) {
      const portion = paragraphs[i].portion;
      if (portion) portionConflict(portion, `Paragraph ${paragraphs[i].readAs}`, report);
    }
    const items = cable.itemMarkings;
    for (let i = 0; i < items.length; i++) {
      // Most markings ("(C)") carry no controls: only one with two or more is named.
      if (items[i].portion.controls.length > 1) portionConflict(items[i].portion, describeItem(cable, items[i]), report);
    }
    // "Harbor Talks (S/NF/REL NATO)": the marking that ends a heading's title.
    const headings = cable.headings;
    for (let i = 0; i < headings.length; i++) {
      const marking = headings[i].marking;
      if (marking && marking.controls.length > 1) portionConflict(marking, describeHeading(headings[i]), report);
    }
  },
};

/** Reports a portion marking whose controls give both NF and a release ("(S/NF/REL NATO)"), with no fix: which is meant is the user's call. */
function portionConflict(portion: PortionMarking, what: string, report: Report): void {
  const controls = portion.controls;
  if (controls.length < 2) return;
  let nf = false;
  let rel = false;
  for (let i = 0; i < controls.length; i++) {
    if (controls[i] === 'NF') nf = true;
    else if (controls[i] === 'REL' || controls[i].startsWith('REL ')) rel = true;
  }
  if (nf && rel) {
    report({ message: `${what} is marked both NOFORN and REL TO ('${portion.token.text}'): a portion not releasable to foreign nationals is released to the countries listed.`, range: portion.token.range });
  }
}
