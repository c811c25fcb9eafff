/**
 * CBL032 noforn-caveat-missing: A paragraph is marked NOFORN (/NF) but the header has no NOFORN caveat.
 */
import type { Paragraph } from '../model';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL032',
  name: 'noforn-caveat-missing',
  description: "A paragraph is marked NOFORN (/NF) but the header has no NOFORN caveat.",
  tags: ["markings"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "S E C R E T VALLETTA 000412\nSIPDIS\n…\n¶2. (S/NF) …",
    good: "S E C R E T VALLETTA 000412\nNOFORN\nSIPDIS\n…\n¶2. (S/NF) …",
    rationale: "A NOFORN portion restricts the whole cable; the caveat line tells distribution so.",
    source: "Corpus analysis of the released cables: 276 of 311 (FORMAT.md §7 rule 14); 37 of 311 NF-marked cables, 11.9%, too frequent for an error (CORPUS-FINDINGS, 'Warnings').",
  },
  check(cable, report) {
    const caveats = cable.caveats;
    for (let i = 0; i < caveats.length; i++) if (caveats[i].name === 'NOFORN') return;
    // The first paragraph marked "(S/NF)"; most markings ("(C)") carry no controls to look through.
    const paragraphs = cable.paragraphs;
    let nf: Paragraph | undefined;
    for (let i = 0; i < paragraphs.length && !nf; i++) {
      const controls = paragraphs[i].portion?.controls;
      if (controls && controls.length > 0 && controls.includes('NF')) nf = paragraphs[i];
    }
    if (!nf) return;
    const banner = cable.banner;
    const fixes = banner
      ? [{ title: 'Add a NOFORN caveat line after the banner', edits: [{ range: { start: { line: banner.line, character: cable.lines[banner.line].length }, end: { line: banner.line, character: cable.lines[banner.line].length } }, newText: `${cable.eol}${cable.eol}NOFORN` }], safe: false }]
      : undefined;
    report({ message: `Paragraph ${nf.readAs} is marked NOFORN but the header has no NOFORN caveat.`, range: nf.portion!.token.range, fixes });
  },
};
