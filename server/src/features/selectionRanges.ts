/**
 * Smart select: word → in-text reference ("REF A", "para 3"), field, REF item or marking → the REF field → line →
 * paragraph → section → whole cable.
 */
import { SelectionRange, type Position, type Range } from 'vscode-languageserver-types';
import { findInTextReferences, type InTextReference } from '../core/mentions';
import type { Cable } from '../core/model';
import { contains, containsRange, range } from '../core/text';

/** Nested selection ranges for each position. */
export function getSelectionRanges(cable: Cable, positions: readonly Position[]): SelectionRange[] {
  // The in-text references are read from the whole cable: once per request, whatever the number of carets.
  let references: readonly InTextReference[] | undefined;
  const referencesOf = () => (references ??= findInTextReferences(cable));
  return positions.map((p) => selectionAt(cable, p, referencesOf));
}

function selectionAt(cable: Cable, p: Position, referencesOf: () => readonly InTextReference[]): SelectionRange {
  const line = cable.lines[p.line] ?? '';
  const candidates: Range[] = [];
  // The word under the cursor.
  const re = /[A-Za-z0-9#/¶.]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    if (m.index <= p.character && p.character <= m.index + m[0].length) {
      candidates.push(range(p.line, m.index, m.index + m[0].length));
      break;
    }
  }
  // Fields and markings.
  const tokens: Range[] = [
    ...(cable.tags ? [cable.tags.range] : []),
    ...(cable.subject ? [cable.subject.range] : []),
    ...(cable.eo ? [cable.eo.range] : []),
    ...(cable.classifiedBy ? [cable.classifiedBy.range] : []),
    ...(cable.refs?.items.map((i) => i.range) ?? []),
    // The REF field, all its items: between an item and the metadata around it.
    ...(cable.refs ? [cable.refs.range] : []),
    ...cable.paragraphs.flatMap((q) => (q.portion ? [q.portion.token.range] : [])),
    ...cable.banners.map((b) => b.range),
  ];
  for (const t of tokens) if (contains(t, p)) candidates.push(t);
  // "(REF A)", "refs A and B", "para 3": the reference as written, between its letter and the line. Only a line that can
  // hold one ("ref" or "para" in it) is searched.
  if (/ref|para/i.test(line)) for (const m of referencesOf()) if (contains(m.range, p)) candidates.push(m.range);
  candidates.push(range(p.line, 0, line.length));
  for (const q of cable.paragraphs) if (contains(q.range, p)) candidates.push(q.range);
  for (const s of cable.sections) if (contains(s.range, p)) candidates.push(s.range);
  if (cable.header && contains(cable.header.range, p)) candidates.push(cable.header.range);
  if (cable.metadataRange && contains(cable.metadataRange, p)) candidates.push(cable.metadataRange);
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
