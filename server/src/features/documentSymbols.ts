/**
 * Document symbols: the Outline view and breadcrumbs.
 * Header (format lines, TO and INFO groups), banner and metadata, sections
 * with their paragraphs, every Summary, Comment and Note under the innermost symbol that
 * holds them, and Signature.
 */
import { DocumentSymbol, SymbolKind, type Position, type Range, type SymbolInformation } from 'vscode-languageserver-types';
import type { Addressee, Block, Cable, Paragraph, Section } from '../core/model';
import { containsRange, isAlnum, isBefore, paragraphIndexAt, paragraphTextStart, partitionPoint, skipSpaces, spanRange, OPENING_MARKING, trimEndOffset, WHITE_RUNS } from '../core/text';
import { linesAsRead } from '../core/parse/margin';
import { pastMargin } from '../core/rules/util';
import { blockSpan, gluedSignatureCut, onlyCloserAfter, OPENING_TEXT, openerRun, outlineSections, SENTENCE_END } from './outlineSections';
import { sectionPlaces, sectionTitles, subTitles, type SubTitle } from './subTitles';

/**
 * The outline of a cable. `fileId` is the id its file's name gives (`idFromFileName`): the banner's detail
 * when the text gives no id (a partial extract has no date).
 */
export function getDocumentSymbols(cable: Cable, fileId?: string): DocumentSymbol[] {
  const result: DocumentSymbol[] = [];
  const header = cable.header;
  if (header) {
    const children: DocumentSymbol[] = [];
    const add = (name: string, detail: string | undefined, range: Range, kind: SymbolKind) =>
      children.push(DocumentSymbol.create(name, detail, kind, range, range));
    if (header.transmissionId) add('VZCZC', header.transmissionId.text, header.transmissionId.range, SymbolKind.Key);
    if (header.routing) add('Routing', header.routing.pair.text, header.routing.range, SymbolKind.Key);
    if (header.de) add('DE', header.de.station?.text, header.de.range, SymbolKind.Key);
    if (header.security) add('Security', header.security.group?.text ?? header.security.prosign.text, header.security.range, SymbolKind.Key);
    if (header.dtg) add('DTG', header.dtg.dtg?.token.text, header.dtg.range, SymbolKind.Event);
    if (header.from) add('FM', header.from.address?.text, header.from.range, SymbolKind.Key);
    for (const [name, list] of [['TO', header.to], ['INFO', header.info], ['XMT', header.xmt]] as const) {
      if (list.length === 0) continue;
      const r = spanRange(list[0].range.start.line, list[0].range.start.character, list[list.length - 1].range.end.line, list[list.length - 1].range.end.character);
      const group = DocumentSymbol.create(name, `${list.length} addressee${list.length === 1 ? '' : 's'}`, SymbolKind.Namespace, r, r);
      // "ZEN/AMEMBASSY NOWHERE": the prefix, which marks an addressee the transmission does not serve, goes in the detail
      // with the indicator, as the line writes them ("ZEN/", "ZEN/RUEHVT"), and as the metadata record keeps it.
      const detail = (a: Addressee) => (a.zen ? `${a.zen.text}/${a.routingIndicator?.text ?? ''}` : a.routingIndicator?.text);
      group.children = list.map((a) => symbol(a.address?.text ?? a.routingIndicator?.text ?? '(addressee)', detail(a), SymbolKind.Constant, a.range));
      children.push(group);
    }
    // Named from past a scan's margin (`| VZCZC…`), as its lines are, and held from its first line's start (lineStart).
    result.push(symbol('Transmission header', undefined, SymbolKind.Module, fromLineStart(cable, header.range), pastMargin(cable, header.range), children));
  }
  const fields: DocumentSymbol[] = [];
  // Symbols that go under the innermost symbol holding them, once the others are in place: fields read in the body.
  const inBody: DocumentSymbol[] = [];
  if (cable.eo) fields.push(symbol('E.O.', cable.eo.decl?.value.text, SymbolKind.Property, cable.eo.range));
  // A person named after an OVIP-style TAG keeps its parentheses (`OVIP (ROE, JANE Q.) PREL`): bare, its name read as
  // more TAGS (`OVIP ROE, JANE Q. PREL`; 09SINGAPORE529).
  if (cable.tags) fields.push(symbol('TAGS', cable.tags.tags.map((t) => (t.role === 'person' ? `(${t.code})` : t.code)).join(' '), SymbolKind.Property, cable.tags.range));
  if (cable.subject) fields.push(symbol('SUBJECT', cable.subject.text, SymbolKind.String, cable.subject.range));
  for (const item of cable.refs?.items ?? []) fields.push(symbol(`REF ${item.letter ?? ''}`.trim(), item.citation.text, SymbolKind.Field, item.range));
  if (cable.classifiedBy) fields.push(symbol('Classified By', cable.classifiedBy.classifier?.text, SymbolKind.Property, cable.classifiedBy.range));
  // A field written a second time keeps its value in the outline, under its own name, after the fields.
  for (const repeat of cable.repeatedFields) fields.push(symbol(`${repeat.field} (again)`, repeat.text || undefined, repeat.field === 'SUBJECT' ? SymbolKind.String : repeat.field === 'REF' ? SymbolKind.Field : SymbolKind.Property, repeat.range));
  const banner = cable.banner;
  if (banner) {
    // From the banner's line's start, a scan's margin's too (`| C O N F I D E N T I A L …`, lineStart), named at its text.
    const r = fromLineStart(cable, cable.metadataRange ?? banner.range);
    const name = [banner.levelText.text, banner.post?.text, banner.serial?.text].filter(Boolean).join(' ');
    // A field read after the metadata block ("¶2. (U) Classified by …" in the body) is no child of the banner: outside its
    // range it would break the outline's nesting, so it goes under the paragraph that holds it, as a Comment does, or
    // stands on its own.
    const inside = fields.filter((c) => containsRange(r, c.range));
    const id = cable.id ?? (fileId !== undefined ? `${fileId} (from the file name)` : undefined);
    result.push(symbol(name, id, SymbolKind.File, r, banner.range, inside));
    for (const c of fields) if (!inside.includes(c)) inBody.push(c);
  } else {
    // With no banner to hold them (none, or one the parser cannot read), the fields stand on their own.
    result.push(...fields);
  }
  const blocks: DocumentSymbol[] = [];
  const sections = outlineSections(cable);
  // The section of each heading, by the line of the heading's text: where a block that a heading opens is found.
  const sectionOn = new Map<number, Section>();
  for (const section of sections) if (section.heading !== undefined) sectionOn.set(cable.headings[section.heading].text.range.start.line, section);
  // Where a paragraph's symbol ends before a block that opens in its text and runs on past it, by the paragraph's index.
  const cuts = new Map<number, Position>();
  // Every Summary, Comment and Note ("(Note: …)", "Note: … End note."): a long cable's summary of each section, or the
  // Summary of each cable of a concatenation, is listed as its Comments are (only the first Summary was).
  for (const block of cable.blocks) {
    if (!isSection(sectionOn, block)) blocks.push(...blockSymbols(cable, block, BLOCK_NAMES[block.kind], cuts));
  }
  if (cuts.size > 0) cutBefore(cable, blocks, cuts);
  // Each paragraph's symbol, by its index: the titles it lists its parts under go under it last (withSubTitles).
  const paragraphSymbols = new Map<number, DocumentSymbol>();
  // A section under a labelled heading of a higher rank ("A. Ferry Fares" under "I. HARBOR ISSUES") goes under its symbol,
  // which runs on over it.
  const places = sectionPlaces(cable);
  const sectionSymbols: DocumentSymbol[] = [];
  for (const [k, section] of sections.entries()) {
    // "--Ferry Fares" ⏎ ⏎ "¶2. …": the titles the section lists its paragraphs under.
    const titles = sectionTitles(cable, k);
    const paragraphs = section.paragraphs.map((i) => {
      const cut = titles.cuts.get(i);
      const known = cuts.get(i);
      const s = paragraphSymbol(cable, cable.paragraphs[i], cut && (!known || isBefore(cut, known)) ? cut : known);
      paragraphSymbols.set(i, s);
      return s;
    });
    if (titles.titles.length > 0) underTitles(paragraphs, titles.titles);
    if (section.heading === undefined) {
      result.push(...paragraphs);
      continue;
    }
    const heading = cable.headings[section.heading];
    // A title wrapped over two lines is named by both.
    const named = headingName(heading.lead ? `${heading.lead.text} ${heading.text.text}` : heading.text.text);
    // "BACKGROUND (U)": the marking that ends the title, the heading's own, is the detail as one that opens it is.
    const { name } = named;
    const marking = heading.marking?.token.text ?? named.marking;
    const selection = heading.lead ? { start: heading.lead.range.start, end: heading.text.range.end } : heading.text.range;
    // From its first line's start, a scan's margin's too (`| ---------------` over `| HARBOR ISSUES`, lineStart).
    const s = symbol(name, marking, SymbolKind.Namespace, fromLineStart(cable, places[k].range), selection, paragraphs);
    sectionSymbols[k] = s;
    const parent = places[k].parent >= 0 ? sectionSymbols[places[k].parent] : undefined;
    if (parent) (parent.children ??= []).push(s);
    else result.push(s);
  }
  if (cable.signature) {
    const signed = cable.signature.token.range;
    // "… coordinated with Embassy Berlin. BUTCHER": a signature glued to the last paragraph's line lies inside that
    // paragraph and its section, which end before it in the outline, so that the Signature overlaps neither.
    const cut = gluedSignatureCut(cable);
    if (cut) endBefore([...result, ...blocks], signed.start, cut);
    result.push(symbol('Signature', cable.signature.token.text, SymbolKind.Constant, signed));
  }
  sortSymbols(result);
  for (const block of uncross(cable.lines, blocks)) nest(result, block);
  for (const field of inBody) nest(result, field, false);
  for (const [i, s] of paragraphSymbols) withSubTitles(s, subTitles(cable, i));
  return result;
}

/** The outline's name of each kind of block. */
const BLOCK_NAMES: Readonly<Record<Block['kind'], string>> = { summary: 'Summary', comment: 'Comment', note: 'Note' };

/**
 * Puts the titles a paragraph lists its parts under ("I. Regional Issues" ⏎ "A. Security" ⏎ …) under its symbol, nested by
 * rank, each up to where the paragraph's symbol ends, and the paragraph's other children (a Comment, a Note, a field) under
 * the innermost title that holds them. A child that runs from one title into another would overlap both: the paragraph
 * then keeps its children and lists no titles.
 */
function withSubTitles(paragraph: DocumentSymbol, titles: readonly SubTitle[]): void {
  if (titles.length === 0) return;
  const end = paragraph.range.end;
  const symbols = titleSymbols(titles, end);
  if (symbols.length === 0) return;
  const others = paragraph.children ?? [];
  if (others.some((c) => crossesTitle(symbols, c.range))) return;
  paragraph.children = symbols;
  for (const c of others) nest(paragraph.children, c);
}

/**
 * Puts the symbols of a section's paragraphs under the titles the section lists them under ("--Ferry Fares"), in place: those
 * before the first title stay, and each title holds those that start inside it.
 */
function underTitles(paragraphs: DocumentSymbol[], titles: readonly SubTitle[]): void {
  const symbols = titleSymbols(titles, titles[titles.length - 1].range.end);
  const out: DocumentSymbol[] = [];
  // Both in text order: `t` is the last title that starts before the paragraph.
  let t = -1;
  for (const p of paragraphs) {
    while (t + 1 < symbols.length && isBefore(symbols[t + 1].range.start, p.range.start)) t++;
    const holder = t >= 0 && containsRange(symbols[t].range, p.range) ? symbols[t] : undefined;
    if (holder) (holder.children ??= []).push(p);
    else out.push(p);
  }
  paragraphs.splice(0, paragraphs.length, ...sortSymbols([...out, ...symbols]));
}

/**
 * True when `range` runs from one title of `level` (in text order, none overlapping) or of the titles under it into text
 * that is not that title's, or from before a title into it: no title could hold it, nor it the title. Found by binary
 * search on each level it goes down, so that a paragraph of many titles and Comments costs no product of the two.
 */
function crossesTitle(level: readonly DocumentSymbol[], range: Range): boolean {
  // The last title that starts at or before the range.
  let k = partitionPoint(level, (t) => !isBefore(range.start, t.range.start)) - 1;
  // One that starts with the range and ends inside it is held, as those after it may be.
  if (k >= 0 && !isBefore(level[k].range.start, range.start) && isBefore(level[k].range.end, range.end)) k--;
  const holder = k >= 0 && isBefore(range.start, level[k].range.end) ? level[k] : undefined;
  if (holder) return containsRange(holder.range, range) ? crossesTitle(holder.children ?? [], range) : true;
  // The last title that starts before the range ends: the range holds it whole, or crosses it.
  const j = partitionPoint(level, (t) => isBefore(t.range.start, range.end)) - 1;
  return j > k && isBefore(range.end, level[j].range.end);
}

/** The symbols of titles, ended at `end` at the latest; those that start at or after it are left out. */
function titleSymbols(titles: readonly SubTitle[], end: Position): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const t of titles) {
    if (!isBefore(t.range.start, end)) break;
    const range = isBefore(end, t.range.end) ? { start: t.range.start, end } : t.range;
    const selection = isBefore(end, t.selection.end) ? { start: t.selection.start, end } : t.selection;
    const children = titleSymbols(t.children, range.end);
    // "D) Sanctions:" is named "D) Sanctions", as a heading "COMMENT:" is named "COMMENT".
    out.push(symbol(`${t.label} ${t.words.endsWith(':') ? t.words.slice(0, -1) : t.words}`, undefined, SymbolKind.Namespace, range, selection, children.length > 0 ? children : undefined));
  }
  return out;
}

// A portion marking that opens a title ("(U) Status of Host Nation Laws:", "(S//REL TO USA, GBR) LOOKING AHEAD" between
// slashes), and the white space after it.
const TITLE_MARKING_START = new RegExp(String.raw`^(${OPENING_MARKING})\s+`);

/**
 * A section's name as the Outline shows it: the title's words, without the portion marking it opens with, which becomes
 * the detail ("(U) Status of Host Nation Laws:" → "Status of Host Nation Laws", "(U)"), or the colon it ends with
 * ("COMMENT:" → "COMMENT", as the Outline names an underlined "COMMENT"). A title that is nothing else keeps its text.
 */
function headingName(text: string): { name: string; marking?: string } {
  const marking = TITLE_MARKING_START.exec(text);
  const words = marking ? text.slice(marking[0].length) : text;
  const name = words.endsWith(':') ? words.slice(0, -1).trimEnd() : words;
  if (name.trim().length === 0) return { name: text };
  return { name, marking: marking?.[1] };
}

/**
 * True when a heading opens the block ("COMMENT" ⏎ "¶8. …" ⏎ "¶9. …", or "SUMMARY" ⏎ "¶1. … End Summary." ⏎ "¶2. …") and its
 * section holds it: the section's symbol, named by that heading, stands for it (the section ends where the block does,
 * {@link outlineSections}), and a second symbol over its paragraphs would overlap them.
 */
function isSection(sectionOn: ReadonlyMap<number, Section>, block: Block): boolean {
  const line = block.open?.token.range.start.line;
  const section = line === undefined ? undefined : sectionOn.get(line);
  return section !== undefined && block.range.end.line <= section.range.end.line;
}

/**
 * Puts a Summary, Comment or Note symbol under the innermost symbol that holds its whole range
 * ("Comment: …" inside ¶5 goes under ¶5), so that no two symbols on a level overlap, and the symbols of its level that it
 * holds under it (a Summary over ¶1 and ¶2 holds them). A block that runs from one paragraph's text into another's stays on
 * the level that holds it whole. A field read in the body ("¶2. (U) Classified by …") goes under its paragraph the same way
 * but `adopts` nothing.
 */
function nest(level: DocumentSymbol[], block: DocumentSymbol, adopts = true): void {
  const { start, end } = block.range;
  // The level is in order of the symbols' starts, and they do not overlap: the one that may hold the block starts at or
  // before it, and those before it that end before the block starts end before it too. (A search through the whole level
  // for each block made a paragraph holding 10,000 Comments take 4 to 7 s.)
  const after = partitionPoint(level, (s) => !isBefore(start, s.range.start));
  for (let h = after - 1; h >= 0 && !isBefore(level[h].range.end, start); h--) {
    const holder = level[h];
    if (!containsRange(holder.range, block.range)) continue;
    holder.children ??= [];
    nest(holder.children, block, adopts);
    return;
  }
  // Those it holds start with it or after it, up to its end.
  const from = partitionPoint(level, (s) => isBefore(s.range.start, start));
  let to = from;
  if (adopts) while (to < level.length && !isBefore(end, level[to].range.start)) to++;
  const window = level.slice(from, to);
  const held = window.filter((s) => containsRange(block.range, s.range));
  if (held.length > 0) {
    block.children = sortSymbols([...(block.children ?? []), ...held]);
    const moved = new Set(held);
    level.splice(from, to - from, ...window.filter((s) => !moved.has(s)));
  }
  // After those that start before it or with it, as a stable sort puts it.
  level.splice(partitionPoint(level, (s) => !isBefore(start, s.range.start)), 0, block);
}

/**
 * Ends each symbol that holds `position` at `end` before it, and its children that do (a section's last paragraph); a
 * selection that runs past `end` (a Comment left open, which its whole range selects) ends there too.
 */
function endBefore(symbols: readonly DocumentSymbol[], position: Position, end: Position): void {
  for (const s of symbols) {
    if (!containsRange(s.range, { start: position, end: position }) || !isBefore(end, s.range.end) || !isBefore(s.selectionRange.start, end)) continue;
    s.range = { start: s.range.start, end };
    if (isBefore(end, s.selectionRange.end)) s.selectionRange = { start: s.selectionRange.start, end };
    if (s.children) endBefore(s.children, position, end);
  }
}

/**
 * The symbols of a Summary, Comment or Note: one over its {@link blockSpan}, but for a block that runs from one paragraph into
 * another and opens or closes inside a paragraph's text, which no symbol could hold whole without crossing a paragraph's.
 * - Opened after a paragraph's own text and running on past its end ("… from within coalition ranks. Comment: The Race Is
 *   About to Begin" ⏎ "¶9. … End comment.", 10BRASILIA49): the paragraph's symbol ends before the opener (its text after
 *   the opener is the block's), recorded in `cuts`, and the block's starts at the opener.
 * - Opened at a paragraph's text start ("¶1. (C) Summary: …"): the block's symbol starts with the paragraph, and holds it
 *   and the paragraphs after it that it is the whole of; with none, it stays under that paragraph, from its opener.
 * - Closed inside a later paragraph whose text goes on after the closer ("¶2. (C) … END SUMMARY" ⏎ ⏎ "Proposal 1: …",
 *   06BELGRADE1681): the block's symbol ends with the paragraph before, and that paragraph holds a second symbol of the
 *   block's name, detailed "continued", from its text's start to the closer.
 * Each stood beside the paragraphs as one symbol, overlapping the paragraph it opened in and the one it closed in.
 */
function blockSymbols(cable: Cable, block: Block, name: string, cuts: Map<number, Position>): DocumentSymbol[] {
  const paragraphs = cable.paragraphs;
  const opened = blockSpan(cable, block);
  const i = paragraphIndexAt(paragraphs, opened.start.line, opened.start.character);
  // Over whole paragraphs from the first's number ("¶1. (C) Summary: …" ⏎ "¶2. …"): from the line's start, as the
  // paragraph's symbol ({@link paragraphStart}), which it holds; named from the number, as before.
  const at = paragraphs[i]?.range.start;
  const span = at && at.line === opened.start.line && at.character === opened.start.character ? { start: paragraphStart(cable, paragraphs[i]), end: opened.end } : opened;
  const whole = [symbol(name, undefined, SymbolKind.Event, span, opened)];
  const j = paragraphIndexAt(paragraphs, span.end.line, span.end.character);
  // "… 1.4 (b) and (d). Summary -------" ⏎ "¶1. (C) … End Summary. Harbor ---": opened by a title glued to the Classified By,
  // before every paragraph, and closed in one's text.
  if (i < 0 && j >= 0 && isBefore(opened.start, paragraphs[0].range.start)) return beforeParagraphs(cable, block, name, opened, j);
  if (i < 0 || j <= i || isBefore(paragraphs[j].range.end, span.end)) return whole;
  // Already the whole of its paragraphs ("¶1. (C) Summary: …" ⏎ "¶2. (C) … End Summary.").
  if (!isBefore(paragraphs[i].range.start, span.start) && !isBefore(span.end, paragraphs[j].range.end)) return whole;
  const first = paragraphs[i];
  let start = span.start;
  // Where its name starts: the first paragraph's number where the symbol starts at its line's start.
  let named = opened.start;
  if (isBefore(first.range.start, start)) {
    const run = first.range.start.line === start.line ? openerRun(cable, first, start) : -1;
    // The paragraph alone up to the paragraph the block closes in: the block stays under it, as one inside a paragraph does.
    if (run >= 0) {
      if (j - 1 > i) {
        start = paragraphStart(cable, first);
        named = first.range.start;
      }
    } else {
      const cut = ownTextEnd(cable.lines, start);
      if (!isBefore(first.marker.range.end, cut)) return whole;
      const known = cuts.get(i);
      if (!known || isBefore(cut, known)) cuts.set(i, cut);
    }
  }
  return closedIn(cable, name, start, span.end, j, paragraphs[j - 1].range.end, (end) => ({ start: named, end }));
}

/**
 * The symbols of a block opened before every paragraph (by a title glued to the Classified By field) and closed in the text
 * of paragraph `j`: one from its opener over the paragraphs before `j` (its title's line alone when `j` is the first), and
 * one of its name, detailed "continued", in paragraph `j` from its text's start to the closer; or, closed at that
 * paragraph's end, one over it too.
 */
function beforeParagraphs(cable: Cable, block: Block, name: string, opened: Range, j: number): DocumentSymbol[] {
  const start = opened.start;
  const before = j > 0 ? cable.paragraphs[j - 1].range.end : { line: start.line, character: trimEndOffset(cable.lines[start.line]) };
  const token = block.open?.token.range;
  return closedIn(cable, name, start, opened.end, j, before, (end) => token ?? { start, end });
}

/**
 * The symbols of a block from `start` that closes at `end` in the text of paragraph `j`, whose symbol would end at `before`
 * (the paragraph before `j`'s end), selected over `selection(symbolEnd)`: one to that paragraph's end where only the closer
 * ends it; else one up to `before`, where it starts before that, and one of its name, detailed "continued", in paragraph `j`
 * from its text's start to the closer ("¶2. (c) … END SUMMARY" ⏎ ⏎ "Proposal 1: …").
 */
function closedIn(cable: Cable, name: string, start: Position, end: Position, j: number, before: Position, selection: (symbolEnd: Position) => Range): DocumentSymbol[] {
  const last = cable.paragraphs[j];
  if (end.line === last.range.end.line && onlyCloserAfter(cable.lines[end.line], end.character, last.range.end.character)) {
    return [symbol(name, undefined, SymbolKind.Event, { start, end: last.range.end }, selection(last.range.end))];
  }
  const from = { line: last.range.start.line, character: paragraphTextStart(cable.lines, last) };
  const continued = symbol(name, 'continued', SymbolKind.Event, { start: isBefore(end, from) ? last.range.start : from, end });
  return isBefore(start, before) ? [symbol(name, undefined, SymbolKind.Event, { start, end: before }, selection(before)), continued] : [continued];
}

/**
 * The block symbols in text order, none crossing another: a block that opens inside another and closes after it
 * ("Summary: … Comment: We should" ⏎ "help him. End summary. He may ask" ⏎ "again. End comment.") ends where the other does,
 * under it, and its part after the other's closer's sentence is a symbol of its own, detailed "continued". The two stood
 * side by side, overlapping, and the outline nested neither. (A closer that ends both, "End summary and comment.", is
 * read as one by {@link blockSpan}.)
 */
function uncross(lines: readonly string[], blocks: DocumentSymbol[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const open: DocumentSymbol[] = [];
  for (const b of sortSymbols(blocks)) {
    while (open.length > 0 && !isBefore(b.range.start, open[open.length - 1].range.end)) open.pop();
    const outer = open[open.length - 1];
    if (outer && isBefore(outer.range.end, b.range.end)) {
      const { end } = b.range;
      b.range = b.selectionRange = { start: b.range.start, end: outer.range.end };
      const rest = afterSentence(lines, outer.range.end);
      if (isBefore(rest, end)) out.push(symbol(b.name, 'continued', SymbolKind.Event, { start: rest, end }));
    }
    out.push(b);
    open.push(b);
  }
  return out;
}

/** The first character after the rest of a closer's sentence and the spaces after it ("End summary. He": "He"). */
function afterSentence(lines: readonly string[], from: Position): Position {
  const line = lines[from.line];
  let c = from.character;
  while (c < line.length && !SENTENCE_END.includes(line[c]) && !isAlnum(line.charCodeAt(c))) c++;
  while (c < line.length && (SENTENCE_END.includes(line[c]) || line[c] === ' ' || line[c] === '\t')) c++;
  if (c < line.length || from.line + 1 >= lines.length) return { line: from.line, character: c };
  return { line: from.line + 1, character: lines[from.line + 1].length - lines[from.line + 1].trimStart().length };
}

/**
 * Moves each paragraph's cut before a block that opens in its text before the cut and runs up to it or past it ("… met.
 * Comment: The crews" ⏎ "will strike (Comment: the pilots too" ⏎ ⏎ "¶2. … End comment.) …": the first Comment, left open to
 * ¶1's end, is ¶1's no more than the second, which runs on into ¶2), so that the paragraph's symbol crosses none.
 */
function cutBefore(cable: Cable, blocks: readonly DocumentSymbol[], cuts: Map<number, Position>): void {
  const byStart = sortSymbols([...blocks]);
  for (const [i, first] of cuts) {
    const from = cable.paragraphs[i].range.start;
    // Only the blocks that open in the paragraph, before its cut.
    const k = partitionPoint(byStart, (b) => !isBefore(from, b.range.start));
    let cut = first;
    for (let moved = true; moved; ) {
      moved = false;
      for (let n = k; n < byStart.length && isBefore(byStart[n].range.start, cut); n++) {
        const b = byStart[n];
        if (isBefore(b.range.end, cut)) continue;
        const end = ownTextEnd(cable.lines, b.range.start);
        if (!isBefore(end, cut)) continue;
        cut = end;
        moved = true;
      }
    }
    if (isBefore(cable.paragraphs[i].marker.range.end, cut)) cuts.set(i, cut);
    else cuts.delete(i);
  }
}

/** Where a paragraph's own text ends before an opener and the spaces and brackets before it ("… ranks. (Comment:"). */
function ownTextEnd(lines: readonly string[], opener: Position): Position {
  const line = lines[opener.line];
  let c = opener.character;
  while (c > 0 && OPENING_TEXT.includes(line[c - 1])) c--;
  const end = trimEndOffset(line, c);
  if (end > 0 || opener.line === 0) return { line: opener.line, character: end };
  return { line: opener.line - 1, character: trimEndOffset(lines[opener.line - 1]) };
}

/**
 * Where the symbol of a range of whole lines starts (a paragraph, a section, the header, the banner's metadata): at its
 * first line's first character where only white space, or a scan's margin and white space, stands before it (`   ¶2. (C) …`,
 * `|    ¶2. (C) …`, `| HARBOR ISSUES`), so that the cursor anywhere on that line, in the margin too (where a click at the
 * line's start or Home puts it), is in the symbol for the breadcrumbs and the Outline's follow-the-cursor, as on its other
 * lines. A paragraph's started at its number, and a margined cable's others past the margin: with the cursor before them,
 * the breadcrumbs showed the section or nothing. Where text stands before it on the line, where it is. Each symbol's name
 * (`selectionRange`) stays on its text (the paragraph's number, the heading, the banner).
 */
function lineStart(cable: Cable, at: Position): Position {
  const read = linesAsRead(cable)[at.line] ?? '';
  return at.character > 0 && skipSpaces(read, 0) >= at.character ? { line: at.line, character: 0 } : at;
}

/** `r` from its first line's start ({@link lineStart}). */
function fromLineStart(cable: Cable, r: Range): Range {
  return { start: lineStart(cable, r.start), end: r.end };
}

/** Where a paragraph's symbol starts ({@link lineStart}). */
function paragraphStart(cable: Cable, p: Paragraph): Position {
  return lineStart(cable, p.range.start);
}

function paragraphSymbol(cable: Cable, p: Paragraph, cut?: Position): DocumentSymbol {
  const name = `¶${p.readAs}${p.portion ? ` (${oneLine(p.portion.inner.text)})` : ''}`;
  return DocumentSymbol.create(name, p.firstWords, SymbolKind.String, { start: paragraphStart(cable, p), end: cut ?? p.range.end }, p.marker.range);
}

function symbol(name: string, detail: string | undefined, kind: SymbolKind, range: Range, selection: Range = range, children?: DocumentSymbol[]): DocumentSymbol {
  const text = oneLine(name);
  const s = DocumentSymbol.create(text.length > 0 ? text : '(untitled)', detail, kind, range, selection, children);
  return s;
}

/** Text as one line of single spaces ("PAKISTAN:  ISRAEL …" → "PAKISTAN: ISRAEL …", "S E C R E T"), as the Outline shows names. */
function oneLine(text: string): string {
  return text.replace(WHITE_RUNS, ' ').trim();
}

function sortSymbols(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * The outline as a flat list, for a client that takes no hierarchy (`hierarchicalDocumentSymbolSupport` not declared):
 * each symbol before the symbols it holds, with the name of the one that holds it as its container, at its whole range.
 */
export function flattenDocumentSymbols(symbols: readonly DocumentSymbol[], uri: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const visit = (list: readonly DocumentSymbol[], container: string | undefined): void => {
    for (const s of list) {
      out.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(container === undefined ? {} : { containerName: container }) });
      if (s.children) visit(s.children, s.name);
    }
  };
  visit(symbols, undefined);
  return out;
}
