/**
 * Semantic tokens by range and by delta mean the same as the whole tokens: decoded, a range's answer is the whole
 * answer's tokens that touch the range, and a delta's edits applied to the previous data give the whole answer of
 * the edited text. Checked on every invented fixture and, when `../shared/corpus` exists, on every real cable,
 * with edits that add, remove and change lines.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit } from 'vscode-languageserver';
import type { Range } from '../../server/src/core/model';
import { parseCable } from '../../server/src/core/parse/index';
import { SemanticTokenResults } from '../../server/src/features/semanticTokenResults';
import { getSemanticTokens, getSemanticTokensInRange } from '../../server/src/features/semanticTokens';
import fc from 'fast-check';
import { corpusFiles, decodeSemanticTokens, ROOT, type DecodedToken } from '../helpers';
import { damagedCable } from '../properties';

const decode = decodeSemanticTokens;

/** The tokens that touch `range`: on its lines, not ending at or before its start, not starting at or after its end. */
function restrict(tokens: readonly DecodedToken[], range: Range): DecodedToken[] {
  return tokens.filter(([line, character, length]) => {
    if (line < range.start.line || line > range.end.line) return false;
    if (line === range.start.line && character + length <= range.start.character) return false;
    return !(line === range.end.line && character >= range.end.character);
  });
}

/** The previous data with the protocol's edits applied (each edit's start is an index into the previous data). */
function applyEdits(previous: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  const out = [...previous];
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}

/** The text with line `line` (0-based, clamped) changed by `edit`, which gets the line without its end and returns its replacement. */
function editLine(text: string, line: number, edit: (content: string, end: string) => string): string {
  const parts = text.split(/(\r\n|\r|\n)/);
  const k = Math.min(line, (parts.length - 1) >> 1) * 2;
  const replaced = edit(parts[k], parts[k + 1] ?? '');
  return [...parts.slice(0, k), replaced, ...parts.slice(k + 2)].join('');
}

/** Edits made one after another, each at a line chosen from the text's length: a line added, one removed, one doubled, a character typed, two lines joined. */
const EDITS: { name: string; apply: (text: string, line: number) => string }[] = [
  { name: 'a blank line added', apply: (t, l) => editLine(t, l, (c, e) => `\n${c}${e}`) },
  { name: 'a line removed', apply: (t, l) => editLine(t, l, () => '') },
  { name: 'a line doubled', apply: (t, l) => editLine(t, l, (c, e) => `${c}\n${c}${e}`) },
  { name: 'a character typed', apply: (t, l) => editLine(t, l, (c, e) => `x${c}${e}`) },
  { name: 'two lines joined', apply: (t, l) => editLine(t, l, (c) => `${c} `) },
  { name: 'a paragraph added', apply: (t, l) => editLine(t, l, (c, e) => `${c}${e}\n¶42. (C) An invented line.\n`) },
];

function fixtures(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(txt|cable)$/.test(entry.name) && !entry.name.endsWith('.expected.txt')) out.push({ name: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'test', 'fixtures'));
  return out;
}

const inputs = (): { name: string; text: string }[] => [...fixtures(), ...corpusFiles().map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') }))];

describe('semantic tokens by range and by delta', () => {
  it('answers a range with the tokens of the whole document that touch it, on every fixture and real cable', () => {
    let checked = 0;
    for (const { name, text } of inputs()) {
      const cable = parseCable(text).cable;
      const whole = decode(getSemanticTokens(cable).data);
      const lines = cable.lines.length;
      const ranges: Range[] = [{ start: { line: 0, character: 0 }, end: { line: lines, character: 0 } }];
      // Windows of whole lines, ending at the next line's start and at the last line's end, as editors ask for the lines in view.
      for (let from = 0; from < lines; from += 7) ranges.push({ start: { line: from, character: 0 }, end: { line: from + 11, character: 0 } }, { start: { line: from, character: 0 }, end: { line: from + 10, character: 10_000 } });
      // Ranges that start and end inside a token's line: a token touching them counts, one before or after does not.
      for (const [line, character, length] of whole) {
        ranges.push({ start: { line, character: character + length }, end: { line: line + 2, character: 1 } });
        ranges.push({ start: { line, character: character + length - 1 }, end: { line, character: character + length } });
        ranges.push({ start: { line: Math.max(0, line - 3), character: 2 }, end: { line, character } });
      }
      for (const range of ranges) {
        assert.deepEqual(decode(getSemanticTokensInRange(cable, range).data), restrict(whole, range), `${name} ${JSON.stringify(range)}`);
        checked++;
      }
    }
    assert.ok(checked > 100);
  });

  it('finds the parts of a range by binary search: the lists it searches are in line order, and each part on its searched line, on every fixture, real cable and damaged cable', () => {
    const unordered = (keys: readonly number[]): boolean => keys.some((k, i) => i > 0 && k < keys[i - 1]);
    const check = (name: string, text: string): void => {
      const cable = parseCable(text).cable;
      const lists: [string, number[]][] = [
        ['paragraphs', cable.paragraphs.map((p) => p.marker.range.start.line)],
        ['banners', cable.banners.map((b) => b.levelText.range.start.line)],
        ['headings by their text', cable.headings.map((h) => h.text.range.start.line)],
        ['headings by their first line', cable.headings.map((h) => (h.lead ?? h.text).range.start.line)],
        ['block markers', cable.blockMarkers.map((m) => m.token.range.start.line)],
        ['item markings', cable.itemMarkings.map((m) => m.portion.inner.range.start.line)],
      ];
      for (const [list, lines] of lists) assert.ok(!unordered(lines), `${name}: ${list} out of line order`);
      // A part is looked for by the line its list is searched by: a paragraph's marking stands on its number's line, a banner's post and serial on its level's.
      for (const p of cable.paragraphs) if (p.portion) assert.equal(p.portion.inner.range.start.line, p.marker.range.start.line, `${name}: a marking off its number's line`);
      for (const b of cable.banners) for (const part of [b.post, b.serial]) if (part) assert.equal(part.range.start.line, b.levelText.range.start.line, `${name}: a banner over two lines`);
    };
    for (const { name, text } of inputs()) check(name, text);
    fc.assert(
      fc.property(damagedCable, (text) => check('a damaged cable', text)),
      { seed: 20261204, numRuns: 300 },
    );
  });

  it('answers a range at the ends of the lists, before the first part, after the last and past the text, as the whole tokens restricted', () => {
    const ranges = (cable: ReturnType<typeof parseCable>['cable'], whole: readonly DecodedToken[]): Range[] => {
      const lines = cable.lines.length;
      const line = (l: number, character = 0) => ({ line: l, character });
      const out: Range[] = [
        { start: line(0), end: line(0) },
        { start: line(0), end: line(0, 10_000) },
        { start: line(lines - 1), end: line(lines + 5) },
        { start: line(lines + 3), end: line(lines + 9) },
      ];
      // The first and last part of each list: a range ending on its line, one starting on it, and one on that line alone.
      const edges = [cable.paragraphs.map((p) => p.marker.range), cable.banners.map((b) => b.levelText.range), cable.headings.map((h) => (h.lead ?? h.text).range), cable.itemMarkings.map((m) => m.portion.inner.range)];
      for (const list of edges) {
        for (const r of list.length > 0 ? [list[0], list[list.length - 1]] : []) {
          const l = r.start.line;
          out.push({ start: line(0), end: line(l, r.start.character) }, { start: line(0), end: line(l, r.end.character) }, { start: line(l), end: line(lines) }, { start: line(l, r.end.character), end: line(lines) }, { start: line(l), end: line(l, 10_000) }, { start: line(Math.max(0, l - 1)), end: line(l) });
        }
      }
      // A range around each token's line on its own.
      for (const [l] of whole) out.push({ start: line(l), end: line(l + 1) });
      return out;
    };
    const check = (name: string, text: string): void => {
      const cable = parseCable(text).cable;
      const whole = decode(getSemanticTokens(cable).data);
      for (const range of ranges(cable, whole)) assert.deepEqual(decode(getSemanticTokensInRange(cable, range).data), restrict(whole, range), `${name} ${JSON.stringify(range)}`);
    };
    check('an empty document', '');
    check('a document of one line', 'UNCLAS NOWHERE 000125');
    for (const { name, text } of fixtures()) check(name, text);
    fc.assert(
      fc.property(damagedCable, (text) => check('a damaged cable', text)),
      { seed: 20261204, numRuns: 300 },
    );
  });

  it('answers a delta with the edits that turn the last result into the whole tokens of the edited text, on every fixture and real cable', () => {
    let nonEmpty = 0;
    let edits = 0;
    for (const [n, { name, text: original }] of inputs().entries()) {
      const results = new SemanticTokenResults();
      const uri = `file:///${n}.cable`;
      let text = original;
      let last = results.full(uri, parseCable(text).cable);
      assert.deepEqual(last.data, getSemanticTokens(parseCable(text).cable).data);
      for (const [k, edit] of EDITS.entries()) {
        const lineCount = text.split(/\r\n|\r|\n/).length;
        text = edit.apply(text, Math.floor((lineCount * (k + 1 + (n % 5))) / (EDITS.length + 6)));
        const cable = parseCable(text).cable;
        const answer = results.delta(uri, cable, last.resultId!);
        assert.ok('edits' in answer, `${name}: ${edit.name} answered with whole tokens`);
        const data = applyEdits(last.data, answer.edits);
        assert.deepEqual(data, getSemanticTokens(cable).data, `${name}: ${edit.name}`);
        assert.notEqual(answer.resultId, last.resultId);
        if (answer.edits.length > 0) nonEmpty++;
        edits += answer.edits.reduce((sum, e) => sum + e.deleteCount + (e.data?.length ?? 0), 0);
        last = { resultId: answer.resultId, data };
      }
    }
    // Most of these edits move a token, and a delta then holds a few numbers, not the whole tokens again.
    assert.ok(nonEmpty > 0);
    assert.ok(edits > 0);
  });

  it('sends a few numbers for an edit that moves the tokens after it by a line, and none for one that moves none', () => {
    const lines = ['UNCLAS NOWHERE 000125', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: HARBOR DUES', ''];
    for (let p = 1; p <= 200; p++) lines.push(`¶${p}. (U) The board met on the quay and spoke of fees.`, '');
    lines.push('SMITH', '');
    const text = lines.join('\n');
    const results = new SemanticTokenResults();
    const first = results.full('file:///dues.cable', parseCable(text).cable);
    // The banner's level, post and serial, 200 paragraph numbers and the signature.
    assert.equal(first.data.length, 5 * 204);
    // A character typed inside a paragraph's text moves no token.
    const typed = text.replace('spoke of fees.\n\n¶100.', 'spoke of feeds.\n\n¶100.');
    const none = results.delta('file:///dues.cable', parseCable(typed).cable, first.resultId!) as SemanticTokensDelta;
    assert.deepEqual(none.edits, []);
    // A line added before ¶100 changes only the line step to its number's token, the 103rd: from 2 lines to 3.
    const added = typed.replace('\n¶100.', '\n\n¶100.');
    const one = results.delta('file:///dues.cable', parseCable(added).cable, none.resultId!) as SemanticTokensDelta;
    assert.deepEqual(one.edits, [{ start: 5 * 102, deleteCount: 1, data: [3] }]);
  });

  it('leaves out the first line of a title over a block opener when the range ends on it, as the whole tokens do', () => {
    // "HARBOR BOARD" ⏎ "COMMENT" ⏎ "-------": a heading whose second line opens a block keeps the grammar's colors, both lines.
    const text = ['UNCLAS NOWHERE 000125', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: HARBOR DUES', '', '¶1. (U) The board met.', '', 'HARBOR BOARD', 'COMMENT', '-------', '', '¶2. (U) The board met again.', ''].join('\n');
    const cable = parseCable(text).cable;
    const range = { start: { line: 6, character: 0 }, end: { line: 8, character: 12 } };
    assert.deepEqual(decode(getSemanticTokensInRange(cable, range).data), restrict(decode(getSemanticTokens(cable).data), range));
    assert.deepEqual(decode(getSemanticTokensInRange(cable, range).data), [[6, 0, 3, 1, 0]]);
  });

  it('answers a delta against a result it no longer holds, or after the document closed, with the whole tokens', () => {
    const text = ['UNCLAS NOWHERE 000125', '', 'TAGS: PREL', 'SUBJECT: HARBOR DUES', '', '¶1. (U) The board met.', '', 'SMITH', ''].join('\n');
    const cable = parseCable(text).cable;
    const results = new SemanticTokenResults();
    const first = results.full('file:///a.cable', cable);
    // Two results made within the same millisecond have different ids: the first is no longer the last.
    const second = results.full('file:///a.cable', cable);
    assert.notEqual(first.resultId, second.resultId);
    const stale = results.delta('file:///a.cable', cable, first.resultId!) as SemanticTokens;
    assert.deepEqual(stale.data, getSemanticTokens(cable).data);
    // Another document's result is not this one's.
    const other = results.full('file:///b.cable', cable);
    assert.ok('data' in results.delta('file:///a.cable', cable, other.resultId!));
    const last = results.full('file:///a.cable', cable);
    results.drop('file:///a.cable');
    assert.deepEqual((results.delta('file:///a.cable', cable, last.resultId!) as SemanticTokens).data, getSemanticTokens(cable).data);
  });
});

describe("semantic tokens on a cable with a scan's margin (parser58)", () => {
  it('colors a subject read on over a blank line as the subject when the blank line holds the margin alone ("| ")', () => {
    const plain = 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: HARBOR BOARD TAKES STEPS TO PROTECT THE\n\nENVIRONMENT - MAKING REAL PROGRESS\n\nREF: STATE 12\n\n¶1. (U) The board met.\n\nSMITH\n';
    const onLine6 = (text: string, width: number) => decode(getSemanticTokens(parseCable(text).cable).data).filter(([line]) => line === 6).map(([, character, length, type]) => [character - width, length, type]);
    const expected = onLine6(plain, 0);
    assert.equal(expected.length, 1);
    // It had no token: the margin's bar made the line above no blank line.
    assert.deepEqual(onLine6(plain.split('\n').map((l) => `| ${l}`).join('\n'), 2), expected);
    assert.deepEqual(onLine6(plain.split('\n').map((l, i) => `${String(i + 1).padStart(2, '0')} ${l}`).join('\n'), 3), expected);
  });
});

describe("semantic tokens of a heading's markings (marks58)", () => {
  it('colors the words of a title after its opening marking, past an invisible character before it, and a title between slashes\'s markings apart from its words', () => {
    const head = 'C O N F I D E N T I A L NOWHERE 000009\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) One.\n\n';
    // Line 8: the title; the tokens on it, as [character, length, type], in order and apart: the marking's level (and controls),
    // the words, the ending marking's. The words' token overlapped the marking's where an invisible character stood before it.
    const onTitle = (title: string) => {
      const cable = parseCable(`${head}${title}\n\n¶2. (C) Two.\nSMITH\n`).cable;
      return decode(getSemanticTokens(cable).data).filter(([line]) => line === 8).map(([, character, length, type]) => [character, length, type]);
    };
    assert.deepEqual(onTitle('\u200B(C) HARBOR TALKS (S)\n---------------------'), [[2, 1, 6], [5, 12, 5], [19, 1, 6]]);
    assert.deepEqual(onTitle('(C) HARBOR TALKS (S)\n--------------------'), [[1, 1, 6], [4, 12, 5], [18, 1, 6]]);
    assert.deepEqual(onTitle('//(C) LOOKING AHEAD (S/NF)//'), [[3, 1, 6], [6, 13, 5], [21, 1, 6], [23, 2, 7]]);
    assert.deepEqual(onTitle('//\u200B(C) LOOKING AHEAD (S/NF)//'), [[4, 1, 6], [7, 13, 5], [22, 1, 6], [24, 2, 7]]);
    // An opening marking in a form a plain title's is not read in, which the parser reads between slashes (parser58): the words'
    // token covered it.
    assert.deepEqual(onTitle('//(S//REL TO USA, GBR) LOOKING AHEAD (C/REL NATO)//'), [[3, 1, 6], [6, 15, 7], [23, 13, 5], [38, 1, 6], [40, 8, 7]]);
    assert.deepEqual(onTitle('//(C, NF) LOOKING AHEAD//'), [[3, 1, 6], [6, 2, 7], [10, 13, 5]]);
  });
});
