/**
 * A differential check for use outside CI: `npm run differential -- [--base REV] [--no-lint] [--all]`.
 * Parses (and lints) the same inputs with the working tree's core and with the core of an
 * earlier revision (default HEAD), and reports every difference in the model or the findings.
 * A speed-up that must not change what the parser reads is done when this prints "0 differ".
 *
 * The inputs: the real cables of ../shared/corpus (read, never copied), every fixture, 26
 * deterministic damages of each real cable (line endings, BOM, tabs, case, cut, dropped,
 * doubled, swapped and joined lines, junk, markers, markings, quotes), and 3,000 damaged
 * cables from the fast-check generators of test/properties.ts (fixed seeds).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { lintCable } from '../server/src/core/lint';
import { parseCable } from '../server/src/core/parse/index';
import { damagedCable, mutate, mutation } from '../test/properties';

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const base = args.includes('--base') ? args[args.indexOf('--base') + 1] : 'HEAD';
const withLint = !args.includes('--no-lint');
// Every differing input of each kind, not the first three.
const listAll = args.includes('--all');

interface Core {
  parseCable(text: string): { cable: object };
  /** An older core takes no context and ignores it. */
  lintCable(cable: object, config?: undefined, failures?: undefined, context?: { fileName?: string }): object[];
}

/** Bundles the core of `rev` from a temporary worktree and loads it. */
async function coreAt(rev: string): Promise<Core> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-differential-'));
  execFileSync('git', ['worktree', 'add', '--detach', dir, rev], { cwd: ROOT, stdio: 'ignore' });
  try {
    const out = path.join(dir, 'core.cjs');
    await esbuild.build({
      stdin: { contents: "export { parseCable } from './server/src/core/parse/index';\nexport { lintCable } from './server/src/core/lint';\n", resolveDir: dir, loader: 'ts' },
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      nodePaths: [path.join(ROOT, 'node_modules')],
      logLevel: 'error',
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is made at run time.
    return require(out) as Core;
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT, stdio: 'ignore' });
  }
}

/** JSON with keys in order and undefined fields left out, so that two equal models print the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}

/**
 * What a core makes of a text: the model without its text, and the findings. A real cable and its
 * damaged copies (`cablegate/07PARIS2725.txt#3`) are linted with the real file's name.
 */
function reading(core: Core, text: string, name: string): string {
  try {
    const { cable } = core.parseCable(text);
    const { text: _text, ...model } = cable as { text: string } & Record<string, unknown>;
    // A list the model holds empty is left out, as an undefined field is: a list added to the model since `base` (the
    // metadata's stray lines) then differs only where it holds something.
    for (const key of Object.keys(model)) if (Array.isArray(model[key]) && (model[key] as unknown[]).length === 0) delete model[key];
    return canonical({ model, findings: withLint ? core.lintCable(cable, undefined, undefined, { fileName: name.replace(/#.*$/, '') }) : [] });
  } catch (error) {
    return `threw ${String(error)}`;
  }
}

/** The first path at which two canonical readings differ, with both values. */
function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (canonical(a) === canonical(b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
      if (found) return found;
    }
  }
  return `${at || '(root)'}: ${base} ${canonical(a).slice(0, 200)} | working tree ${canonical(b).slice(0, 200)}`;
}

function inputs(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const corpus = path.resolve(ROOT, '..', 'shared', 'corpus');
  const real: { name: string; text: string }[] = [];
  if (fs.existsSync(corpus)) {
    for (const sub of fs.readdirSync(corpus)) for (const f of fs.readdirSync(path.join(corpus, sub))) real.push({ name: `${sub}/${f}`, text: fs.readFileSync(path.join(corpus, sub, f), 'utf8') });
  }
  out.push(...real);
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(cable|txt)$/.test(e.name) && !e.name.endsWith('.expected.txt')) out.push({ name: path.relative(ROOT, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'test', 'fixtures'));
  walk(path.join(ROOT, 'test', 'grammar', 'cases'));
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = (n: number) => Math.floor(random() * n);
  const junk = ['¶', '(', ')', '(S)', '(C//NF)', ' ', '\t', '.', '1.', '¶3.', '“', '”', '’', '\u00a0', 'XXXX', 'xxxxx', 'END', 'End Summary.', 'Comment:', 'SECRET', 'S E C R E T', 'TAGS:', 'REF:', 'SUBJECT:', 'E.O. 12958', '//', '-----', 'PARIS 00000305 002 OF 002', '\u200b', 'Classified By: X for reasons 1.4 (b)', '\r', '\n', '\n\n', 'A.', '(A)', 'Note:', '(Note:', 'PAGE 02 HARARE 06677 01 OF 03 291400Z'];
  const lines = (t: string) => t.split('\n');
  const damages: ((t: string) => string)[] = [
    (t) => t.replace(/\n/g, '\r\n'),
    (t) => t.replace(/\n/g, '\r'),
    (t) => lines(t).map((l) => l + (random() < 0.3 ? '\r\n' : random() < 0.5 ? '\r' : '\n')).join(''),
    (t) => '\uFEFF' + t,
    (t) => t.replace(/^ +/gm, (s) => '\t'.repeat(Math.ceil(s.length / 4))),
    (t) => t.replace(/ /g, () => (random() < 0.02 ? '\t' : ' ')),
    (t) => lines(t).map((l) => l + (random() < 0.2 ? '   ' : '')).join('\n'),
    (t) => t.toLowerCase(),
    (t) => t.toUpperCase(),
    (t) => lines(t).filter(() => random() > 0.08).join('\n'),
    (t) => lines(t).flatMap((l) => (random() < 0.05 ? [l, l] : [l])).join('\n'),
    (t) => t.slice(0, pick(t.length + 1)),
    (t) => t.slice(pick(Math.min(2000, t.length + 1))),
    (t) => { let s = t; for (let k = 0; k < 8; k++) { const i = pick(s.length + 1); s = s.slice(0, i) + junk[pick(junk.length)] + s.slice(i); } return s; },
    (t) => { const ls = lines(t); for (let k = 0; k < 6 && ls.length > 2; k++) { const i = pick(ls.length - 1); [ls[i], ls[i + 1]] = [ls[i + 1], ls[i]]; } return ls.join('\n'); },
    (t) => { const ls = lines(t); for (let k = 0; k < 6 && ls.length > 2; k++) { const i = pick(ls.length - 1); ls.splice(i, 2, ls[i] + ' ' + ls[i + 1]); } return ls.join('\n'); },
    (t) => lines(t).flatMap((l) => (l.length > 20 && random() < 0.1 ? [l.slice(0, pick(l.length)), l.slice(pick(l.length))] : [l])).join('\n'),
    (t) => lines(t).filter((l) => l.trim() !== '' || random() < 0.3).join('\n'),
    (t) => lines(t).flatMap((l) => (random() < 0.1 ? [l, ''] : [l])).join('\n'),
    (t) => lines(t).map((l) => '  ' + l).join('\n'),
    (t) => t.replace(/¶/g, () => (random() < 0.5 ? '' : '¶ ')),
    (t) => t.replace(/\(([SCU])\)/g, (_m, l: string) => ['(' + l + '//NF)', '(' + l + 'NF)', '(' + l.toLowerCase() + ')', '(X/QQ)', l][pick(5)]),
    (t) => t.replace(/[‘’“”]/g, "'").replace(/'/g, () => (random() < 0.5 ? '’' : "'")),
    (t) => { const ls = lines(t); const i = pick(ls.length); const j = pick(ls.length); return [...ls.slice(0, i), ...ls.slice(j, j + 10), ...ls.slice(i)].join('\n'); },
    (t) => t + '\n' + t,
    (t) => t.replace(/\bEnd (summary|comment|note)\.?/gi, ''),
  ];
  for (const c of real) {
    damages.forEach((damage, k) => {
      out.push({ name: `${c.name}#${k}`, text: damage(c.text) });
      if (random() < 0.3) out.push({ name: `${c.name}#${k}+`, text: damages[pick(damages.length)](damage(c.text)) });
    });
  }
  fc.sample(damagedCable, { seed: 42, numRuns: 1500 }).forEach((text, k) => out.push({ name: `damaged fixture ${k}`, text }));
  if (real.length > 0) {
    const damagedReal = fc.tuple(fc.integer({ min: 0, max: real.length - 1 }), fc.array(mutation, { maxLength: 5 })).map(([i, ms]) => ms.reduce((t, m) => mutate(t, m), real[i].text));
    fc.sample(damagedReal, { seed: 7, numRuns: 1500 }).forEach((text, k) => out.push({ name: `damaged real cable ${k}`, text }));
  }
  return out;
}

async function main(): Promise<void> {
  const before = await coreAt(base);
  const now: Core = { parseCable, lintCable: (cable, _config, _failures, context) => lintCable(cable as Parameters<typeof lintCable>[0], undefined, undefined, context) };
  const all = inputs();
  const byPath = new Map<string, string[]>();
  let differ = 0;
  for (const { name, text } of all) {
    const a = reading(before, text, name);
    const b = reading(now, text, name);
    if (a === b) continue;
    differ++;
    const found = a.startsWith('threw') || b.startsWith('threw') ? `(root): ${a.slice(0, 200)} | ${b.slice(0, 200)}` : firstDifference(JSON.parse(a), JSON.parse(b))!;
    const key = found.slice(0, found.indexOf(':')).replace(/\.\d+/g, '.N');
    byPath.set(key, [...(byPath.get(key) ?? []), `${name}: ${found}`]);
  }
  console.log(`${all.length} inputs, ${differ} differ (against ${base}${withLint ? ', findings included' : ''})`);
  for (const [key, list] of byPath) {
    console.log(`\n== ${key} (${list.length})`);
    for (const line of listAll ? list : list.slice(0, 3)) console.log(`  ${line}`);
  }
  process.exitCode = differ > 0 ? 1 : 0;
}


const want = new Set(process.argv.slice(2).filter((a) => !a.startsWith('--')));
for (const { name, text } of inputs()) if (want.has(name)) fs.writeFileSync(`/tmp/t54/in-${name.replace(/[^A-Za-z0-9#+]/g, '_')}.cable`, text);
