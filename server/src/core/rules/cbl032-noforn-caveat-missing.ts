/**
 * CBL032 noforn-caveat-missing: A paragraph, the subject or an item inside the text is marked NOFORN (/NF) but the header has no NOFORN caveat.
 */
import type { ItemMarking, Paragraph } from '../model';
import type { Rule } from './types';
import { describeItem, subjectMarking } from './util';

export const rule: Rule = {
  id: 'CBL032',
  name: 'noforn-caveat-missing',
  description: "A paragraph, the subject or an item inside the text is marked NOFORN (/NF) but the header has no NOFORN caveat.",
  tags: ["markings"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "S E C R E T VALLETTA 000412\nSIPDIS\n…\n¶2. (S/NF) …",
    good: "S E C R E T VALLETTA 000412\nNOFORN\nSIPDIS\n…\n¶2. (S/NF) …",
    rationale: "A NOFORN portion restricts the whole cable; the caveat line tells distribution so. The marking that opens an item or a line inside the text (`¶B. (S/NF) …`, `-- (S/NF) …`, `(S/NF) Response: …`) marks a portion too, as does the subject's (`SUBJECT: (S/NF) …`): the first NOFORN marking, the subject's, a paragraph's or an item's, is reported.",
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
    // "¶B. (S/NF) …", "-- (S/NF) …", "(S/NF) Response: …": an item's or a line's marking inside the text restricts the cable too;
    // the first one above the paragraph found, or the first of all when no paragraph is marked NOFORN, is reported.
    let item: ItemMarking | undefined;
    const items = cable.itemMarkings;
    const before = nf ? nf.range.start.line : Infinity;
    for (let i = 0; i < items.length && items[i].portion.token.range.start.line < before && !item; i++) {
      const controls = items[i].portion.controls;
      if (controls.length > 0 && controls.includes('NF')) item = items[i];
    }
    // "SUBJECT: (S/NF) …" comes before every paragraph and item: it is the first NOFORN marking when it is one.
    const subject = subjectMarking(cable);
    const subjectNf = subject !== undefined && subject.controls.length > 0 && subject.controls.includes('NF');
    if (!nf && !item && !subjectNf) return;
    const banner = cable.banner;
    const fixes = banner
      ? [{ title: 'Add a NOFORN caveat line after the banner', edits: [{ range: { start: { line: banner.line, character: cable.lines[banner.line].length }, end: { line: banner.line, character: cable.lines[banner.line].length } }, newText: `${cable.eol}${cable.eol}NOFORN` }], safe: false }]
      : undefined;
    if (subjectNf) report({ message: 'The subject is marked NOFORN but the header has no NOFORN caveat.', range: subject.token.range, fixes });
    else if (item) report({ message: `${describeItem(cable, item)} is marked NOFORN but the header has no NOFORN caveat.`, range: item.portion.token.range, fixes });
    else if (nf) report({ message: `Paragraph ${nf.readAs} is marked NOFORN but the header has no NOFORN caveat.`, range: nf.portion!.token.range, fixes });
  },
};
