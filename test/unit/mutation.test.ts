/**
 * Mutation test: take the clean samples, inject one defect of each kind in
 * code, and check that the right rule fires on the right line (and that the
 * clean sample does not already have that finding).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintCable } from '../../server/src/core/lint';
import { parseCable } from '../../server/src/core/parse/index';
import type { LintContext } from '../../server/src/core/rules/types';
import { ROOT } from '../helpers';

const SAMPLES = path.join(ROOT, 'test/fixtures/samples');
const samples = fs.readdirSync(SAMPLES).map((f) => ({ name: f, text: fs.readFileSync(path.join(SAMPLES, f), 'utf8') }));

/** A defect: where it goes (the line it produces) and the rule that must report it there. */
interface Mutation {
  readonly name: string;
  readonly rule: string;
  /**
   * Returns the damaged text and the 0-based line the finding must be on, or undefined when it does not apply; with what
   * else the text is linted with, when the defect concerns another cable of the workspace (CBL054).
   */
  readonly apply: (text: string) => { text: string; line: number; context?: LintContext } | undefined;
}

const lines = (t: string) => t.split('\n');
const lineOf = (t: string, re: RegExp) => lines(t).findIndex((l) => re.test(l));
const replaceLine = (t: string, i: number, f: (l: string) => string) => lines(t).map((l, k) => (k === i ? f(l) : l)).join('\n');

const MUTATIONS: Mutation[] = [
  { name: 'drop a paragraph number', rule: 'CBL024', apply: (t) => { const ps = lines(t).flatMap((l, i) => (/^¶\d+\. \(/.test(l) ? [i] : [])); if (ps.length < 3) return undefined; const i = ps[1]; const next = ps[2]; return { text: replaceLine(t, i, (l) => l.replace(/^¶\d+\. /, '')), line: next }; } },
  { name: 'duplicate a paragraph number', rule: 'CBL025', apply: (t) => { const ps = lines(t).flatMap((l, i) => (/^¶\d+\. \(/.test(l) ? [i] : [])); if (ps.length < 2) return undefined; const n = /^¶(\d+)/.exec(lines(t)[ps[0]])![1]; return { text: replaceLine(t, ps[1], (l) => l.replace(/^¶\d+/, `¶${n}`)), line: ps[1] }; } },
  { name: 'remove a portion marking', rule: 'CBL028', apply: (t) => { const i = lineOf(t, /^¶2\. \([^)]+\) /); return i < 0 ? undefined : { text: replaceLine(t, i, (l) => l.replace(/^(¶2\.) \([^)]+\)/, '$1')), line: i }; } },
  { name: 'raise a marking above the banner', rule: 'CBL030', apply: (t) => { const banner = parseCable(t).cable.banner; if (!banner || banner.level === 'TOP SECRET') return undefined; const i = lineOf(t, /^¶1\. \(/); return { text: replaceLine(t, i, (l) => l.replace(/^¶1\. \([^)]+\)/, '¶1. (TS)')), line: i }; } },
  { name: 'break the marking spelling', rule: 'CBL029', apply: (t) => { const i = lineOf(t, /^¶1\. \(/); return { text: replaceLine(t, i, (l) => l.replace(/^¶1\. \([^)]+\)/, '¶1. (X/QQ)')), line: i }; } },
  { name: 'change the DE serial', rule: 'CBL005', apply: (t) => { const i = lineOf(t, /^DE R/); return i < 0 ? undefined : { text: replaceLine(t, i, (l) => l.replace(/#(\d{4})/, (_, d) => `#${String((parseInt(d, 10) + 1) % 10000).padStart(4, '0')}`)), line: i }; } },
  { name: 'break the DTG date', rule: 'CBL004', apply: (t) => { const i = lineOf(t, /^[ZOPR] \d{6}Z/); return i < 0 ? undefined : { text: replaceLine(t, i, (l) => l.replace(/^([ZOPR]) \d\d/, '$1 32')), line: i }; } },
  { name: 'lower the security group', rule: 'CBL007', apply: (t) => { const i = lineOf(t, /^ZNY SSSSS/); return i < 0 ? undefined : { text: replaceLine(t, i, (l) => l.replace('SSSSS', 'CCCCC')), line: i }; } },
  { name: 'delete the E.O. line', rule: 'CBL012', apply: (t) => { const i = lineOf(t, /^(E\.O\.|EO) 12958/); if (i < 0) return undefined; const text = lines(t).filter((_, k) => k !== i).join('\n'); const c = parseCable(text).cable; return { text, line: c.banner?.line ?? 0 }; } },
  { name: 'duplicate a TAG', rule: 'CBL018', apply: (t) => { const i = lineOf(t, /^TAGS/); return i < 0 ? undefined : { text: replaceLine(t, i, (l) => `${l}${l.includes(',') ? ',' : ''} ${/^TAGS:? ([A-Z]+)/.exec(l)![1]}`), line: i }; } },
  { name: 'insert a zero-width space', rule: 'CBL035', apply: (t) => { const i = lineOf(t, /^¶2\./); return i < 0 ? undefined : { text: replaceLine(t, i, (l) => l.slice(0, 10) + '\u200b' + l.slice(10)), line: i }; } },
  { name: 'misspell the banner', rule: 'CBL011', apply: (t) => { const b = parseCable(t).cable.banner!; return { text: replaceLine(t, b.line, (l) => l[0] + l), line: b.line }; } },
  { name: 'put N/A on a classified cable', rule: 'CBL014', apply: (t) => { const c = parseCable(t).cable; if (c.banner?.level === 'UNCLASSIFIED' || !c.eo) return undefined; return { text: replaceLine(t, c.eo.line, (l) => l.replace(/DECL:? *\S+/, 'N/A')), line: c.eo.line }; } },
  { name: 'set the DECL date before the cable', rule: 'CBL016', apply: (t) => { const c = parseCable(t).cable; if (!c.eo?.decl?.date || !c.date) return undefined; return { text: replaceLine(t, c.eo.line, (l) => l.replace(/(\d{2}\/\d{2}\/)\d{4}/, `$1${c.date!.year - 1}`)), line: c.eo.line }; } },
  { name: 'date a REF citation the year after the cable', rule: 'CBL053', apply: (t) => { const c = parseCable(t).cable; const i = lineOf(t, /^REF:? /); if (i < 0 || !c.date) return undefined; const yy = String((c.date.year + 1) % 100).padStart(2, '0'); return { text: replaceLine(t, i, (l) => l.replace(/^(REF:?\s+(?:[A-Z][.)]\s+)?)(?:\d{2}\s+)?(?=[A-Z])/, `$1${yy} `)), line: i }; } },
  { name: "name a paragraph of REF A's cable that the workspace's copy lacks", rule: 'CBL054', apply: (t) => { const c = parseCable(t).cable; const first = c.paragraphs[0]; if (c.refs?.items[0]?.id === undefined || !first) return undefined; const letter = c.refs.items[0].letter ?? 'A'; return { text: replaceLine(t, first.range.start.line, (l) => l.replace(/^(¶\d+\. \([^)]+\) )/, `$1As REF ${letter} para 9 says, `)), line: first.range.start.line, context: { citedParagraphs: () => ({ numbers: [1, 2, 3], ended: true }) } }; } },
  { name: 'write the pilcrow artifact', rule: 'CBL026', apply: (t) => { const i = lineOf(t, /^¶3\. \(/); return i < 0 ? undefined : { text: replaceLine(t, i, (l) => l.replace(/^¶3\./, '¶ 13.')), line: i }; } },
  { name: 'change a page-line serial', rule: 'CBL033', apply: (t) => { const c = parseCable(t).cable; const p = c.pageLines[0]; const serial = p?.serial; if (!serial) return undefined; return { text: replaceLine(t, p.token.range.start.line, (l) => l.replace(serial.text, String(serial.value + 1).padStart(8, '0'))), line: p.token.range.start.line }; } },
  { name: 'remove End Summary', rule: 'CBL027', apply: (t) => { const i = lineOf(t, /End Summary\./); if (i < 0) return undefined; const open = lineOf(t, /Summary:/); return { text: replaceLine(t, i, (l) => l.replace(/ ?End Summary\./, '')), line: open }; } },
];

describe('mutation test', () => {
  for (const m of MUTATIONS) {
    it(`${m.rule} fires on the right line when we ${m.name}`, () => {
      let applied = 0;
      for (const s of samples) {
        const result = m.apply(s.text);
        if (!result) continue;
        applied++;
        const before = lintCable(parseCable(s.text).cable, undefined, undefined, result.context).filter((f) => f.id === m.rule);
        assert.deepEqual(before.map((f) => f.message), [], `${s.name} already has ${m.rule}`);
        const after = lintCable(parseCable(result.text).cable, undefined, undefined, result.context).filter((f) => f.id === m.rule);
        assert.ok(after.some((f) => f.range.start.line === result.line), `${s.name}: ${m.rule} not on line ${result.line + 1} (got ${after.map((f) => f.range.start.line + 1).join(', ') || 'nothing'})`);
      }
      assert.ok(applied > 0, 'the mutation applied to no sample');
    });
  }
});
