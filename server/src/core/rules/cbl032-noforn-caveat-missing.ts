/**
 * CBL032 noforn-caveat-missing: A paragraph, the subject, an item inside the text or a heading is marked NOFORN (/NF) but the header has no NOFORN caveat, or releases the cable abroad (REL TO).
 */
import type { Heading, ItemMarking, Paragraph } from '../model';
import type { Rule } from './types';
import { describeHeading, describeItem, releaseCaveat, subjectMarking } from './util';

export const rule: Rule = {
  id: 'CBL032',
  name: 'noforn-caveat-missing',
  description: "A paragraph, the subject, an item inside the text or a heading is marked NOFORN (/NF) but the header has no NOFORN caveat, or releases the cable abroad (REL TO).",
  tags: ["markings"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "S E C R E T VALLETTA 000412\nSIPDIS\n…\n¶2. (S/NF) …",
    good: "S E C R E T VALLETTA 000412\nNOFORN\nSIPDIS\n…\n¶2. (S/NF) …",
    rationale: "A NOFORN portion restricts the whole cable; the caveat line tells distribution so. The marking that opens an item or a line inside the text (`¶B. (S/NF) …`, `-- (S/NF) …`, `(S/NF) Response: …`) marks a portion too, as does the subject's (`SUBJECT: (S/NF) …`) and the one that ends a heading's title (`Harbor Talks (S/NF)`): the first NOFORN marking, the subject's, a paragraph's, an item's or a heading's, is reported. A header that releases the cable abroad (a `REL TO USA, GBR` caveat line) says the opposite of such a portion: the message names it, and the fix writes NOFORN in its place rather than beside it. The other way round, a portion marked REL TO under a NOFORN caveat, is no conflict: the header carries the most restrictive control, and a NOFORN caveat does not make every portion NOFORN. A header that gives an E.O. or Classified By line but neither TAGS nor SUBJECT lost lines in the copy (CBL017 and CBL019 report them), and the caveat line may be among them: nothing is reported there.",
    source: "Corpus analysis of the released cables: 276 of 311 (FORMAT.md §7 rule 14); 37 of 311 NF-marked cables, 11.9%, too frequent for an error (CORPUS-FINDINGS, 'Warnings'); a NOFORN caveat does not make every portion NOFORN (FORMAT.md §7 rule 15). NOFORN, not releasable to foreign nationals, and REL TO, authorized for release to the countries listed: markings.tsv, [ISM]. A header that lost its TAGS and SUBJECT lines: seed 001 (`S E C R E T SECTION 01 OF 04 STATE 013750` over an E.O. line and a Classified By line cut at `reasons 1.4(b,`), reported before, the one such copy among the corpus cables.",
  },
  check(cable, report) {
    const caveats = cable.caveats;
    for (let i = 0; i < caveats.length; i++) if (caveats[i].name === 'NOFORN') return;
    // "S E C R E T SECTION 01 OF 04 STATE 013750" ⏎ blank ⏎ "E.O. 12958: …" ⏎ "Classified By: … reasons 1.4(b," with no TAGS and no
    // SUBJECT line (seed 001): the copy lost lines of its header, and the caveat line, which stands with them, may be among
    // them; CBL017 and CBL019 report the loss, and a missing caveat says nothing more.
    if (!cable.tags && !cable.subject && (cable.eo || cable.classifiedBy)) return;
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
    // "Harbor Talks (S/NF)": the marking that ends a heading's title, the first one above the item or paragraph found. A line
    // that both opens and ends with a marking ("(S/NF) Harbor Talks (S/NF)") has its item's first.
    let heading: Heading | undefined;
    const headings = cable.headings;
    const above = item ? item.portion.token.range.start.line : before;
    for (let i = 0; i < headings.length && headings[i].text.range.start.line < above && !heading; i++) {
      const controls = headings[i].marking?.controls;
      if (controls && controls.length > 0 && controls.includes('NF')) heading = headings[i];
    }
    // "SUBJECT: (S/NF) …" comes before every paragraph and item: it is the first NOFORN marking when it is one.
    const subject = subjectMarking(cable);
    const subjectNf = subject !== undefined && subject.controls.length > 0 && subject.controls.includes('NF');
    if (!nf && !item && !heading && !subjectNf) return;
    // "REL TO USA, GBR" on a caveat line releases the cable abroad, which a NOFORN portion forbids: NOFORN goes in its
    // place, not beside it, where the header would say both.
    const rel = releaseCaveat(caveats);
    const banner = cable.banner;
    const fixes = rel
      ? [{ title: `Replace the caveat '${rel.token.text}' with NOFORN`, edits: [{ range: rel.token.range, newText: 'NOFORN' }], safe: false }]
      : banner
        ? [{ title: 'Add a NOFORN caveat line after the banner', edits: [{ range: { start: { line: banner.line, character: cable.lines[banner.line].length }, end: { line: banner.line, character: cable.lines[banner.line].length } }, newText: `${cable.eol}${cable.eol}NOFORN` }], safe: false }]
        : undefined;
    const header = rel ? `the header releases the cable abroad (${rel.name}) and has no NOFORN caveat` : 'the header has no NOFORN caveat';
    const related = rel ? [{ range: rel.token.range, message: rel.name }] : undefined;
    if (subjectNf) report({ message: `The subject is marked NOFORN but ${header}.`, range: subject.token.range, fixes, related });
    else if (heading) report({ message: `${describeHeading(heading)} is marked NOFORN but ${header}.`, range: heading.marking!.token.range, fixes, related });
    else if (item) report({ message: `${describeItem(cable, item)} is marked NOFORN but ${header}.`, range: item.portion.token.range, fixes, related });
    else if (nf) report({ message: `Paragraph ${nf.readAs} is marked NOFORN but ${header}.`, range: nf.portion!.token.range, fixes, related });
  },
};
