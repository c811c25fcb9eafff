/**
 * Helpers shared by the property tests, the corpus checks and `npm run fuzz`:
 * damaged-cable generators and the assertions every input must pass.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { DocumentSymbol } from 'vscode-languageserver';
import { lintCable } from '../server/src/core/lint';
import type { Cable, RefItem } from '../server/src/core/model';
import { parseCable } from '../server/src/core/parse/index';
import type { TextEdit } from '../server/src/core/rules/types';
import { lineStarts, offsetAt } from '../server/src/core/text';
import { getIncomingCalls, getOutgoingCalls, prepareCallHierarchy } from '../server/src/features/callHierarchy';
import { getCompletions } from '../server/src/features/completion';
import { defaultDictionaries } from '../server/src/features/dictionaries';
import { getDocumentSymbols } from '../server/src/features/documentSymbols';
import { getDropCitations } from '../server/src/features/drop';
import { getFoldingRanges } from '../server/src/features/folding';
import { getHover } from '../server/src/features/hover';
import { getInlayHints } from '../server/src/features/inlayHints';
import { findInTextReferences } from '../server/src/core/mentions';
import { getDocumentHighlights } from '../server/src/features/references';
import { getRenameEdits, prepareRename } from '../server/src/features/rename';
import { getSelectionRanges } from '../server/src/features/selectionRanges';
import { getSemanticTokens } from '../server/src/features/semanticTokens';
import { CableIndex, summarize } from '../server/src/workspace/cableIndex';
import { ROOT } from './helpers';

/** Asserts that every character outside the edits is unchanged, in order. */
export function assertOnlyEditsChanged(before: string, after: string, edits: readonly TextEdit[]): void {
  const starts = lineStarts(before);
  const spans = edits.map((e) => [offsetAt(before, starts, e.range.start), offsetAt(before, starts, e.range.end), e.newText] as const).sort((a, b) => a[0] - b[0]);
  let expected = '';
  let cursor = 0;
  for (const [s, e, t] of spans) {
    expected += before.slice(cursor, s) + t;
    cursor = e;
  }
  expected += before.slice(cursor);
  assert.equal(after, expected);
}

/** Everything that carries a classification: banner levels, markings, security group, caveats. */
export function classificationOf(cable: Cable): string {
  return JSON.stringify({
    banners: cable.banners.map((b) => b.level),
    markings: cable.paragraphs.map((p) => p.portion?.level ?? null),
    controls: cable.paragraphs.map((p) => p.portion?.controls ?? []),
    subject: [cable.subject?.portion?.level ?? null, cable.subject?.portion?.controls ?? []],
    lines: cable.itemMarkings.map((m) => [m.portion.level ?? null, m.portion.controls]),
    group: cable.header?.security?.group?.text ?? null,
    caveats: cable.caveats.map((c) => c.name),
  });
}

/** Every range in the model lies inside the document. */
export function assertRangesInside(cable: Cable): void {
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const v = value as Record<string, unknown>;
    if (v.start && v.end && typeof (v.start as { line?: number }).line === 'number') {
      for (const p of [v.start, v.end] as { line: number; character: number }[]) {
        assert.ok(p.line >= 0 && p.line < cable.lines.length, `line ${p.line} outside document`);
        assert.ok(p.character >= 0 && p.character <= cable.lines[p.line].length, `character ${p.character} outside line ${p.line}`);
      }
      return;
    }
    for (const [k, child] of Object.entries(v)) if (k !== 'lines' && k !== 'lineKinds') visit(child);
  };
  visit(cable);
}

const dictionaries = defaultDictionaries();

/** The invented fixtures mutations start from. */
export const BASES = [
  ...fs.readdirSync(path.join(ROOT, 'test/fixtures/samples')).map((f) => path.join(ROOT, 'test/fixtures/samples', f)),
  ...fs.readdirSync(path.join(ROOT, 'test/fixtures/rules')).filter((f) => f.endsWith('.bad.cable')).map((f) => path.join(ROOT, 'test/fixtures/rules', f)),
].map((f) => fs.readFileSync(f, 'utf8'));

const EOLS = ['\n', '\r\n', '\r'];

/** One damaging edit. */
export const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char: fc.integer({ min: 0, max: 0xffff }) }),
  fc.record({ kind: fc.constant('eol' as const), eol: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('bom' as const) }),
  fc.record({ kind: fc.constant('long-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('controls' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 40 }) }),
);

/** Applies a mutation; the result is any string at all. */
export function mutate(text: string, m: fc.Arbitrary<unknown> extends never ? never : ReturnType<typeof mutation.generate>['value']): string {
  const lines = text.split(/\r\n|\r|\n/);
  const line = (at: number) => at % Math.max(1, lines.length);
  switch (m.kind) {
    case 'delete-line':
      lines.splice(line(m.at), 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(line(m.at), 0, lines[line(m.at)] ?? '');
      return lines.join('\n');
    case 'cut':
      return text.slice(0, m.at % (text.length + 1));
    case 'flip': {
      const i = m.at % Math.max(1, text.length);
      return text.slice(0, i) + String.fromCharCode(m.char) + text.slice(i + 1);
    }
    case 'eol':
      return m.eol < 3 ? lines.join(EOLS[m.eol]) : lines.map((l, i) => l + EOLS[i % 3]).join('');
    case 'bom':
      return '\uFEFF' + text;
    case 'long-line':
      lines.splice(line(m.at), 0, '¶9. (S) ' + 'x'.repeat(20000));
      return lines.join('\n');
    case 'controls': {
      const i = m.at % Math.max(1, text.length);
      return text.slice(0, i) + '\u0000\u0001\u200b\u0007\uFEFF' + text.slice(i);
    }
    case 'insert': {
      const i = m.at % Math.max(1, text.length);
      return text.slice(0, i) + m.text + text.slice(i);
    }
  }
}

/** A damaged cable: a fixture with up to five mutations. */
export const damagedCable = fc
  .tuple(fc.integer({ min: 0, max: BASES.length - 1 }), fc.array(mutation, { maxLength: 5 }))
  .map(([i, ms]) => ms.reduce((t, m) => mutate(t, m), BASES[i]));

function assertNested(symbols: readonly DocumentSymbol[]): void {
  const inside = (o: DocumentSymbol['range'], i: DocumentSymbol['range']) =>
    (i.start.line > o.start.line || (i.start.line === o.start.line && i.start.character >= o.start.character)) &&
    (i.end.line < o.end.line || (i.end.line === o.end.line && i.end.character <= o.end.character));
  for (const s of symbols) {
    assert.ok(inside(s.range, s.selectionRange), `${s.name}: selection outside range`);
    for (const c of s.children ?? []) assert.ok(inside(s.range, c.range), `${c.name} outside ${s.name}`);
    assertNested(s.children ?? []);
  }
}

/**
 * Runs every feature at a few positions; returns the slowest feature's processor time in ms (which a loaded machine's
 * waits for a core leave out, where time on the clock does not).
 */
export function exerciseFeatures(text: string, positions: readonly { line: number; character: number }[]): number {
  let slowest = 0;
  const timed = <T>(fn: () => T): T => {
    const start = process.cpuUsage();
    const r = fn();
    const used = process.cpuUsage(start);
    slowest = Math.max(slowest, (used.user + used.system) / 1000);
    return r;
  };
  const { cable } = timed(() => parseCable(text));
  assertRangesInside(cable);
  const findings = timed(() => lintCable(cable));
  for (const f of findings) for (const fix of f.fixes ?? []) assertRangesInside({ ...cable, x: fix.edits.map((e) => e.range) } as never);
  assertNested(timed(() => getDocumentSymbols(cable)));
  for (const f of timed(() => getFoldingRanges(cable))) assert.ok(f.startLine < f.endLine && f.endLine < cable.lines.length);
  timed(() => findInTextReferences(cable));
  // The index's summary: its packed REF and in-text reference ranges lie inside the text and name one of its cited ids.
  const uri = 'file:///ws/09NOWHERE1.cable';
  const entry = timed(() => summarize(uri, cable, '09NOWHERE1'));
  const mentions = entry.mentions ?? [];
  assert.equal(mentions.length % 4, 0);
  for (let at = 0; at < mentions.length; at += 4) {
    const [slot, line, start, end] = mentions.slice(at, at + 4);
    assert.ok(slot < entry.refs.length && line < cable.lines.length && start < end && end <= cable.lines[line].length, `in-text reference outside the text: ${mentions.slice(at, at + 4).join(' ')}`);
  }
  const index = new CableIndex();
  index.set(entry);
  for (const item of prepareCallHierarchy(cable, uri, { line: 0, character: 0 }, index)) {
    for (const call of [...getIncomingCalls(item, index).flatMap((c) => c.fromRanges), ...getOutgoingCalls(item, index).flatMap((c) => c.fromRanges)]) {
      assert.ok(call.end.line < cable.lines.length && call.end.character <= cable.lines[call.end.line].length, `call range outside the text: ${JSON.stringify(call)}`);
    }
  }
  // Every citation taken for a workspace cable, so that each hint and its tooltip is made.
  const everyLine = { start: { line: 0, character: 0 }, end: { line: cable.lines.length, character: 0 } };
  const citedCable = (item: RefItem) => ({ uri: 'file:///ws/09PARIS708.cable', id: item.id, subject: item.citation.text, dtg: '2009-05-20T09:00:00Z', classification: 'SECRET', tags: ['PREL'], refs: [] });
  for (const h of timed(() => getInlayHints(cable, everyLine, { dictionaries, citedCable, refSubjects: true, routingIndicators: true }))) {
    assert.ok(h.position.line < cable.lines.length && h.position.character <= cable.lines[h.position.line].length, `inlay hint outside the text: ${JSON.stringify(h.position)}`);
  }
  // Semantic tokens in document order, each inside its line and after the one before.
  const { data } = timed(() => getSemanticTokens(cable));
  let tokenLine = 0;
  let tokenEnd = 0;
  for (let i = 0, character = 0; i < data.length; i += 5) {
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    if (data[i] !== 0) tokenEnd = 0;
    tokenLine += data[i];
    assert.ok(data[i] >= 0 && data[i + 1] >= 0 && character >= tokenEnd && data[i + 2] > 0 && character + data[i + 2] <= cable.lines[tokenLine].length, `semantic token out of order or outside its line at ${tokenLine}:${character}`);
    tokenEnd = character + data[i + 2];
  }
  for (const p of positions) {
    const line = Math.min(p.line, cable.lines.length - 1);
    const pos = { line, character: Math.min(p.character, cable.lines[line].length) };
    timed(() => getHover(cable, pos, { dictionaries }));
    timed(() => getCompletions(cable, pos, { dictionaries }));
    timed(() => getDocumentHighlights(cable, pos));
    timed(() => getSelectionRanges(cable, [pos]));
    timed(() => prepareRename(cable, pos));
    timed(() => getRenameEdits(cable, pos, pos.character % 2 === 0 ? 'C' : '7'));
    // Two workspace cables dropped there: text to insert, or nothing.
    const dropped = timed(() => getDropCitations(cable, pos, [{ uri: 'file:///ws/09PARIS708.cable', id: '09PARIS708', post: 'PARIS', tags: [], refs: [] }, { ...entry, id: '08NOWHERE2' }], '09NOWHERE1'));
    assert.ok(dropped === undefined || dropped.text.length > 0);
  }
  return slowest;
}

