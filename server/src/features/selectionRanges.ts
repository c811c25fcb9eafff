/**
 * Smart select: word → in-text reference ("REF A", "para 3"), field, REF item or marking → the REF field → line (or its part
 * in a block, on the line a block opens or closes on beside the paragraph's own text) → Summary, Comment or Note block →
 * the titles the paragraph lists its parts under, innermost first → paragraph → the paragraphs a Summary or Comment is the
 * whole of → section → whole cable.
 */
import { SelectionRange, type Position, type Range } from 'vscode-languageserver-types';
import { findInTextReferencesOnLine } from '../core/mentions';
import type { Cable } from '../core/model';
import { linesAsRead, marginWidth } from '../core/parse/margin';
import { pastMargin } from '../core/rules/util';
import { contains, containsRange, isBefore, paragraphIndexAt, partitionPoint, range, skipSpaces, trimEndOffset } from '../core/text';
import { blockRange, blockSpan, gluedSignatureCut, onlyCloserAfter, openerRun, outlineSections } from './outlineSections';
import { sectionPlaces, sectionTitles, subTitles } from './subTitles';

/** Nested selection ranges for each position. */
export function getSelectionRanges(cable: Cable, positions: readonly Position[]): SelectionRange[] {
  return positions.map((p) => selectionAt(cable, p));
}

/**
 * The chain at one position. The lists it looks in are in text order and their ranges do not overlap (paragraphs,
 * sections, banners), so each is entered by binary search at the one part that may hold the position, and only the
 * in-text references of the position's line are read ({@link findInTextReferencesOnLine}), as a hover reads them: a
 * request costs as little in a 10 MB concatenation of cables as in one cable.
 */
function selectionAt(cable: Cable, p: Position): SelectionRange {
  const line = cable.lines[p.line] ?? '';
  // The line as the parser read it, a scan's margin blanked (`| `, `07 `): no word of the cable's.
  const read = linesAsRead(cable)[p.line] ?? '';
  const candidates: Range[] = [];
  // The word under the cursor.
  const re = /[A-Za-z0-9#/¶.]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(read)) !== null) {
    if (m.index <= p.character && p.character <= m.index + m[0].length) {
      candidates.push(range(p.line, m.index, m.index + m[0].length));
      break;
    }
  }
  // "… working together with us. VILLAROSA": a signature glued to the last paragraph's line is none of that paragraph's,
  // its section's or a block's left open in it, as the outline ends them before it (the parser's ranges run over it).
  const signed = cable.signature?.token.range.start;
  const cut = gluedSignatureCut(cable);
  const own = (r: Range): Range => (signed && cut && isBefore(signed, r.end) && !isBefore(signed, r.start) ? { start: r.start, end: cut } : r);
  // The cursor in a scan's margin (`| ¶2. (C) …` at column 0) or in the white space that opens the line, past the margin or
  // with none (`|    ¶2. (C) …`, `   2. (C) …` at column 1), is looked up where the line's text starts: a range that starts
  // there (a paragraph, a section, the header) holds it from the cursor, as the line's range does.
  const width = marginWidth(cable, p.line);
  const first = skipSpaces(read, width);
  const textStart = first < read.length ? first : width;
  const lifted = p.character < textStart ? { line: p.line, character: textStart } : p;
  // A range of whole lines (the header, the banner's metadata, a section) from its first line's text, past a scan's margin
  // (`| ---------------` over `| HARBOR ISSUES`), as the outline holds it and a paragraph starts; from the cursor where
  // it stands in that margin, so that the chain still climbs through it.
  const fromText = (r: Range): Range => {
    const past = pastMargin(cable, r);
    return isBefore(p, past.start) && !isBefore(lifted, past.start) ? { start: p, end: past.end } : past;
  };
  // The sections as the outline shows them: a Summary heading's ends where its Summary does.
  const sections = outlineSections(cable);
  const sectionIndex = partitionPoint(sections, (s) => !isBefore(lifted, s.range.start)) - 1;
  const section = sections[sectionIndex];
  // "--Ferry Fares" ⏎ ⏎ "¶2. …": the titles the section lists its paragraphs under, before which a paragraph ends.
  const titled = sectionIndex >= 0 ? sectionTitles(cable, sectionIndex) : undefined;
  // A paragraph's range starts past the margin already: with the cursor in the margin of its first line, it was not
  // found, and the chain went from the line to the section.
  const index = paragraphIndexAt(cable.paragraphs, lifted.line, lifted.character);
  const found = cable.paragraphs[index];
  const cutAt = titled?.cuts.get(index);
  const paragraph = found && { range: own(fromText(cutAt ? { start: found.range.start, end: cutAt } : found.range)), portion: found.portion };
  const banner = cable.banners[partitionPoint(cable.banners, (b) => !isBefore(p, b.range.start)) - 1];
  // Fields and markings.
  const tokens: Range[] = [
    ...(cable.tags ? [cable.tags.range] : []),
    ...(cable.subject ? [cable.subject.range] : []),
    ...(cable.eo ? [cable.eo.range] : []),
    ...(cable.classifiedBy ? [cable.classifiedBy.range] : []),
    ...(cable.refs?.items.map((i) => i.range) ?? []),
    // The REF field, all its items: between an item and the metadata around it.
    ...(cable.refs ? [cable.refs.range] : []),
    // A paragraph's marking stands inside the paragraph, after its number.
    ...(paragraph?.portion ? [paragraph.portion.token.range] : []),
    ...(banner ? [banner.range] : []),
  ];
  for (const t of tokens) if (contains(t, p)) candidates.push(t);
  // "(REF A)", "refs A and B", "para 3": the reference as written, between its letter and the line.
  for (const r of findInTextReferencesOnLine(cable, p.line)) if (contains(r.range, p)) candidates.push(r.range);
  // The line up to its last character that is not white space ("…for the quay. " ends at the full stop), or up to the
  // cursor in the spaces after it: a paragraph or section ending on this line ends there too, and a line with its
  // trailing spaces did not fit inside them, so the chain went from the line to the whole cable.
  const textEnd = cut?.line === p.line && p.character <= cut.character ? cut.character : trimEndOffset(line);
  // The line's text, past a scan's margin (`| `, `07 `) and the white space that opens it (`   ¶2. (C) …`), from the cursor
  // where it stands in them: from the line's first character, the line was no part of a paragraph whose number the line
  // opens with past white space, and the chain went from the line to the section.
  let lineFrom = Math.min(textStart, p.character);
  let lineTo = Math.max(textEnd, Math.min(p.character, line.length));
  // "(Comment: … End comment.)" inside a paragraph, "Summary: … End summary." after its marking, or a Summary over
  // paragraphs: the block, between the line and the paragraph or section that holds it. Blocks are in order of their
  // starts, so those that start inside the paragraph are walked back from the position, and one more before it.
  const floor = paragraph && contains(paragraph.range, p) ? paragraph.range.start : { line: p.line, character: 0 };
  let innermost = true;
  for (let i = partitionPoint(cable.blocks, (b) => !isBefore(p, b.range.start)) - 1; i >= 0; i--) {
    const block = cable.blocks[i];
    const whole = blockRange(cable, block);
    const inside = own(whole);
    if (contains(inside, p)) {
      // "The board set the fees. (Comment: The" ⏎ … ⏎ "which double. End comment.) It meets": on the opener's or the
      // closer's line, the line's part in the block, so that the block follows it; the whole line, which holds text of
      // the paragraph's besides, lay outside the block, and the chain went from it to the paragraph. A line that opens with
      // the block's bracket ("(Comment: …") or ends with the closer's full stop ("End summary.") is the block's: the block
      // takes the bracket and the full stop in, for the same reason.
      let { start, end } = inside;
      if (innermost && start.line !== end.line) {
        if (start.line === p.line) {
          const run = openerRun(cable, found, start);
          if (run < 0) lineFrom = start.character;
          else start = { line: p.line, character: run };
        }
        if (end.line === p.line && end.character < lineTo) {
          if (!onlyCloserAfter(line, end.character, textEnd)) lineTo = end.character;
          else end = { line: p.line, character: lineTo };
        }
      }
      candidates.push(start === inside.start && end === inside.end ? inside : { start, end });
      innermost = false;
    }
    // "¶1. (C) Summary: …" ⏎ "¶2. (C) … End Summary.": the paragraphs the block is the whole of, as the outline's Summary
    // holds them, between a paragraph and its section.
    const span = blockSpan(cable, block);
    if (span !== whole && contains(own(span), p)) candidates.push(own(span));
    if (isBefore(block.range.start, floor)) break;
  }
  candidates.push(range(p.line, lineFrom, lineTo));
  if (paragraph && contains(paragraph.range, p)) {
    // "I. Regional Issues" ⏎ "A. Shipping" ⏎ "1) Ferry Fares (FARE)": the titles that hold the position, between the line (or
    // a block) and the paragraph, as the outline nests them.
    for (let titles = subTitles(cable, index); titles.length > 0; ) {
      // By binary search: the last title that starts at or before the position.
      const holder = titles[partitionPoint(titles, (t) => !isBefore(p, t.range.start)) - 1];
      if (!holder || !contains(own(holder.range), p)) break;
      candidates.push(own(holder.range));
      titles = holder.children;
    }
    candidates.push(paragraph.range);
  }
  const sectionRange = section && own(section.range);
  if (sectionRange && contains(sectionRange, lifted)) {
    const title = titled && titled.titles[partitionPoint(titled.titles, (t) => !isBefore(p, t.range.start)) - 1];
    if (title && contains(own(title.range), p)) candidates.push(own(title.range));
    // "I. HARBOR ISSUES" over "A. Ferry Fares": the section, run on over those under it, and the sections of the labelled
    // headings above, as the outline nests them.
    const places = sectionPlaces(cable);
    candidates.push(fromText(sectionRange), fromText(own(places[sectionIndex].range)));
    for (let k = places[sectionIndex].parent; k >= 0; k = places[k].parent) candidates.push(fromText(own(places[k].range)));
  }
  if (cable.header && contains(cable.header.range, p)) candidates.push(fromText(cable.header.range));
  if (cable.metadataRange && contains(cable.metadataRange, p)) candidates.push(fromText(cable.metadataRange));
  const last = cable.lines.length - 1;
  candidates.push({ start: { line: 0, character: 0 }, end: { line: last, character: cable.lines[last].length } });
  // Keep a chain where each range contains the one before.
  const chain: Range[] = [];
  for (const c of candidates.sort((a, b) => size(a) - size(b))) {
    const prev = chain[chain.length - 1];
    if (!prev || (containsRange(c, prev) && size(c) > size(prev))) chain.push(c);
  }
  let result: SelectionRange | undefined;
  for (let i = chain.length - 1; i >= 0; i--) result = SelectionRange.create(chain[i], result);
  return result ?? SelectionRange.create({ start: p, end: p });
}

function size(r: Range): number {
  return (r.end.line - r.start.line) * 100000 + (r.end.character - r.start.character);
}
