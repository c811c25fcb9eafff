/**
 * CBL032 noforn-caveat-missing: A paragraph, the subject, an item inside the text or a heading is marked NOFORN (/NF) but the header has no NOFORN caveat, or releases the cable abroad (REL TO).
 */
import type { Cable, Heading, ItemMarking, Paragraph } from '../model';
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
    rationale: "A NOFORN portion restricts the whole cable; the caveat line tells distribution so. The marking that opens an item or a line inside the text (`¶B. (S/NF) …`, `-- (S/NF) …`, `(S/NF) Response: …`) marks a portion too, as does the subject's (`SUBJECT: (S/NF) …`) and the one that ends a heading's title (`Harbor Talks (S/NF)`): the first NOFORN marking, the subject's, a paragraph's, an item's or a heading's, is reported. A header that releases the cable abroad (a `REL TO USA, GBR` caveat line) says the opposite of such a portion: the message names it, and the fix writes NOFORN in its place rather than beside it. The other way round, a portion marked REL TO under a NOFORN caveat, is no conflict: the header carries the most restrictive control, and a NOFORN caveat does not make every portion NOFORN. A header with neither TAGS nor SUBJECT whose last field, the E.O. or the Classified By line, is cut short (it ends inside a list or a clause, `for reasons 1.4(b,`, `1.4 (b) and`, or leaves a parenthesis open), or that has no banner above its E.O. or Classified By line, its top cut away, lost lines in the copy (CBL017 and CBL019 report them), and the caveat line may be among them: nothing is reported there. A header that lacks both fields but whose last field ends whole shows no such loss, and its missing caveat is reported.",
    source: "Corpus analysis of the released cables: 276 of 311 (FORMAT.md §7 rule 14); 37 of 311 NF-marked cables, 11.9%, too frequent for an error (CORPUS-FINDINGS, 'Warnings'); a NOFORN caveat does not make every portion NOFORN (FORMAT.md §7 rule 15). NOFORN, not releasable to foreign nationals, and REL TO, authorized for release to the countries listed: markings.tsv, [ISM]. A header that lost its TAGS and SUBJECT lines: seed 001 (`S E C R E T SECTION 01 OF 04 STATE 013750` over an E.O. line and a Classified By line cut at `reasons 1.4(b,`), reported before, the one such copy among the corpus cables; its cut Classified By line, not the missing fields alone, is the sign of the damage.",
  },
  check(cable, report) {
    const caveats = cable.caveats;
    for (let i = 0; i < caveats.length; i++) if (caveats[i].name === 'NOFORN') return;
    // "S E C R E T SECTION 01 OF 04 STATE 013750" ⏎ blank ⏎ "E.O. 12958: …" ⏎ "Classified By: … reasons 1.4(b," with no TAGS and no
    // SUBJECT line (seed 001): the copy lost lines of its header, cutting its last field short, and the caveat line, which stands
    // with them, may be among them; CBL017 and CBL019 report the loss, and a missing caveat says nothing more. A header whose
    // last field ends whole lacks TAGS and SUBJECT as written, and its missing caveat is reported.
    if (!cable.tags && !cable.subject && headerCut(cable)) return;
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

/**
 * True when the header shows that the copy lost lines of it: it has no banner, its top cut away, or its last field, the E.O. line
 * or the Classified By line, whichever comes last, is cut short: its last line
 * ends inside a list or a clause ("for reasons 1.4(b,", "1.4 (b) and", "DECL:" with nothing after it is no such end, since the
 * value may go on below), or leaves a parenthesis open. A field that ends whole ("1.4 (b) and (d)") is no sign of lost lines.
 */
function headerCut(cable: Cable): boolean {
  const eo = cable.eo;
  const by = cable.classifiedBy;
  const last = Math.max(eo ? eo.range.end.line : -1, by ? by.range.end.line : -1);
  if (last < 0) return false;
  // A copy that starts below its banner ("Classified By: …" as its first line) lost the top of its header, the caveat line with it.
  if (!cable.banner) return true;
  const line = cable.lines[last].trimEnd();
  const end = line.charCodeAt(line.length - 1);
  // "1.4(b,", "1.4 (b)/", "(b) &", "1.4 (b)-", "reasons 1.4 (".
  if (end === 44 /* , */ || end === 40 /* ( */ || end === 47 /* / */ || end === 38 /* & */ || end === 45 /* - */ || end === 59 /* ; */) return true;
  if (/\b(?:and|or|for)$/i.test(line)) return true;
  let open = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 40 /* ( */) open++;
    else if (c === 41 /* ) */ && open > 0) open--;
  }
  return open > 0;
}
