/**
 * Property tests (fast-check, fixed seed, bounded runs): damaged cables made
 * from the fixtures go through the parser, every rule, every feature and every
 * fix. Nothing throws, every range lies inside the document, symbols nest,
 * fixes change only their own text, and each feature stays fast.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { DocumentSymbol } from 'vscode-languageserver';
import { applyEdits, fixAll } from '../../server/src/core/fix';
import { lintCable } from '../../server/src/core/lint';
import { parseCable } from '../../server/src/core/parse/index';
import { getCompletions } from '../../server/src/features/completion';
import { defaultDictionaries } from '../../server/src/features/dictionaries';
import { getDocumentSymbols } from '../../server/src/features/documentSymbols';
import { getFoldingRanges } from '../../server/src/features/folding';
import { getHover } from '../../server/src/features/hover';
import { findInTextReferences, getDocumentHighlights } from '../../server/src/features/references';
import { getSelectionRanges } from '../../server/src/features/selectionRanges';
import { ROOT } from '../helpers';
import { assertOnlyEditsChanged, classificationOf } from './fix.test';
import { assertRangesInside } from './parse.test';

const SEED = 20261122;
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
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

/** Runs every feature at a few positions; returns the slowest feature time in ms. */
export function exerciseFeatures(text: string, positions: readonly { line: number; character: number }[]): number {
  let slowest = 0;
  const timed = <T>(fn: () => T): T => {
    const start = performance.now();
    const r = fn();
    slowest = Math.max(slowest, performance.now() - start);
    return r;
  };
  const { cable } = timed(() => parseCable(text));
  assertRangesInside(cable);
  const findings = timed(() => lintCable(cable));
  for (const f of findings) for (const fix of f.fixes ?? []) assertRangesInside({ ...cable, x: fix.edits.map((e) => e.range) } as never);
  assertNested(timed(() => getDocumentSymbols(cable)));
  for (const f of timed(() => getFoldingRanges(cable))) assert.ok(f.startLine < f.endLine && f.endLine < cable.lines.length);
  timed(() => findInTextReferences(cable));
  for (const p of positions) {
    const line = Math.min(p.line, cable.lines.length - 1);
    const pos = { line, character: Math.min(p.character, cable.lines[line].length) };
    timed(() => getHover(cable, pos, { dictionaries }));
    timed(() => getCompletions(cable, pos, { dictionaries }));
    timed(() => getDocumentHighlights(cable, pos));
    timed(() => getSelectionRanges(cable, [pos]));
  }
  return slowest;
}

describe('property tests', function () {
  this.timeout(120000);
  const position = fc.record({ line: fc.nat({ max: 80 }), character: fc.nat({ max: 120 }) });

  it('damaged cables never crash the parser, the rules or any feature, and ranges stay inside', () => {
    fc.assert(
      fc.property(damagedCable, fc.array(position, { minLength: 1, maxLength: 4 }), (text, positions) => {
        exerciseFeatures(text, positions);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('random text, binary junk included, never crashes anything', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), position, (text, p) => {
        exerciseFeatures(text, [p]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('every quick fix changes only its own text; Fix All is idempotent, keeps line endings and classifications', () => {
    fc.assert(
      fc.property(damagedCable, (text) => {
        const { cable } = parseCable(text);
        for (const f of lintCable(cable)) {
          for (const fix of f.fixes ?? []) assertOnlyEditsChanged(text, applyEdits(text, fix.edits), fix.edits);
        }
        const once = fixAll(text).text;
        assert.equal(fixAll(once).text, once);
        assert.equal(classificationOf(parseCable(once).cable), classificationOf(cable));
        const eols = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).join('');
        assert.equal(eols(once), eols(text));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('no feature takes over 100 ms on a 100 KB cable', () => {
    fc.assert(
      fc.property(damagedCable, position, (text, p) => {
        const big = text.repeat(Math.ceil(100_000 / Math.max(1, text.length))).slice(0, 100_000);
        // Warm-up runs are not measured.
        exerciseFeatures(big, [p]);
        const slowest = exerciseFeatures(big, [p]);
        assert.ok(slowest < 100, `a feature took ${slowest.toFixed(0)} ms`);
      }),
      { seed: SEED, numRuns: 12 },
    );
  });
});
