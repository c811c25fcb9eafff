/**
 * Each rule page's examples (docs/rules/cblNNN.md, from the rule's `docs.bad` and `docs.good`) do what the page says:
 * `cablelint` reports the rule on the Bad example and not on the Fixed one, and nothing else the Bad example adds.
 * A line `…` stands for lines the page leaves out and is dropped; `(file NAME)` names the file the example is read from.
 * Header lines are read as a header only among a transmission header's other lines, so the examples of the rules
 * in {@link IN_HEADER} are put in the invented Valletta sample, in place of the sample's lines of their kinds.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { idFromFileName } from '../../server/src/core/id';
import { lintCable } from '../../server/src/core/lint';
import { parseCable } from '../../server/src/core/parse/index';
import { allRules } from '../../server/src/core/rules/index';
import type { ParagraphCopy } from '../../server/src/core/rules/types';
import { paragraphCopy } from '../../server/src/core/rules/util';
import { ROOT } from '../helpers';

/** Rules whose examples are header lines that only a whole transmission header makes the parser read. */
const IN_HEADER = new Set(['CBL002', 'CBL003', 'CBL007', 'CBL008']);

/**
 * Rules that read other cables of the workspace (CBL054), which `cablelint` does not run, since it lints each file alone:
 * their examples give the file checked first and each other cable after a line `(file NAME, in the workspace)`. The file
 * checked gets the rule from the linter given those cables, as the server gives it its index, and from `cablelint` no
 * rule the Fixed example does not get.
 */
const IN_WORKSPACE = new Set(['CBL054']);

/** An example's own file and the other cables of the workspace it names, each as the text between its `(file …)` lines. */
function withWorkspace(example: string): { own: string; others: { name: string; text: string }[] } {
  const parts = example.split(/\n(?=\(file \S+, in the workspace\)\n)/);
  const others = parts.slice(1).map((part) => {
    const [first, ...rest] = part.split('\n');
    return { name: /^\(file (\S+),/.exec(first)![1], text: rest.filter((l) => l !== '…').join('\n') + '\n' };
  });
  return { own: parts[0], others };
}

/** The findings of `rule` on the example's own file, linted with the other cables it names in the workspace. */
function inWorkspace(example: string, id: string): string[] {
  const { own, others } = withWorkspace(example);
  const file = asFile(own, id, `${id.toLowerCase()}.cable`);
  const copies = new Map<string, ParagraphCopy>();
  for (const o of others) {
    const cable = parseCable(o.text).cable;
    const copy = paragraphCopy(cable);
    const cited = cable.id ?? idFromFileName(o.name);
    if (copy && cited) copies.set(cited, copy);
  }
  return lintCable(parseCable(file.text).cable, undefined, undefined, { fileName: file.name, citedParagraphs: (c) => copies.get(c) }).map((f) => f.id);
}

const SAMPLE = fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), 'utf8');

/** What kind of header line `line` is: its first word, or `banner`, or `pair` for line 2's precedence pair ("PP RUEHWEB"). */
function kind(line: string): string {
  if (/^(?:S E C R E T|C O N F I D E N T I A L|UNCLAS)\b/.test(line)) return 'banner';
  if (/^[A-Z]{2}(?: R[A-Z]{4,7})+$/.test(line)) return 'pair';
  return line.split(' ')[0];
}

/**
 * The example in the sample: each stretch of its lines between `…` lines takes the place of the sample's lines of
 * the same kinds, in the order the example gives them, where the first of those lines stood.
 */
function inSample(example: string): string {
  let lines = SAMPLE.split('\n');
  for (const stretch of example.split('\n…\n')) {
    const own = stretch.split('\n');
    const kinds = new Set(own.map(kind));
    const at = lines.findIndex((l) => kinds.has(kind(l)));
    assert.ok(at >= 0, `the sample has no line of the kinds of "${stretch}"`);
    lines = [...lines.slice(0, at).filter((l) => !kinds.has(kind(l))), ...own, ...lines.slice(at).filter((l) => !kinds.has(kind(l)))];
  }
  return lines.join('\n');
}

/** An example as a file: its name (from `(file NAME)`, else `fallback`) and its text, `…` lines dropped. */
function asFile(example: string, id: string, fallback: string): { name: string; text: string } {
  const named = /^\(file (\S+)\)\n/.exec(example);
  const body = named ? example.slice(named[0].length) : example;
  const text = IN_HEADER.has(id)
    ? inSample(body)
    : body
        .split('\n')
        .filter((l) => l !== '…')
        .join('\n');
  return { name: named ? named[1] : fallback, text: text + '\n' };
}

describe('rule pages: the Bad example gets its rule and the Fixed one does not', () => {
  let found: Map<string, string[]>;

  before(function () {
    this.timeout(60000);
    // One cablelint run over every example, each in a folder of its own (so that CBL043's may keep its file name).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rule-docs-'));
    try {
      const where = new Map<string, string>();
      for (const rule of allRules) {
        for (const [side, example] of [['bad', rule.docs.bad], ['good', rule.docs.good]] as const) {
          const file = asFile(IN_WORKSPACE.has(rule.id) ? withWorkspace(example).own : example, rule.id, `${rule.id.toLowerCase()}.cable`);
          const sub = path.join(dir, `${rule.id}-${side}`);
          fs.mkdirSync(sub);
          fs.writeFileSync(path.join(sub, file.name), file.text);
          where.set(path.join(sub, file.name), `${rule.id}-${side}`);
        }
      }
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), '--format', 'json', '--threads', '1', dir], { encoding: 'utf8' });
      assert.notEqual(r.status, 2, r.stderr);
      const results = JSON.parse(r.stdout) as { file: string; diagnostics: { id: string }[] }[];
      found = new Map();
      for (const { file, diagnostics } of results) {
        const key = where.get(path.resolve(file));
        assert.ok(key, `cablelint named a file no example was written to: ${file}`);
        found.set(key, diagnostics.map((d) => d.id));
      }
      // Every example was read (a file with no findings has an entry too).
      assert.equal(found.size, where.size);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const rule of allRules) {
    it(`${rule.id} ${rule.name}`, () => {
      if (IN_WORKSPACE.has(rule.id)) {
        assert.ok(inWorkspace(rule.docs.bad, rule.id).includes(rule.id), `the Bad example gets no ${rule.id} with the cables it names in the workspace`);
        assert.ok(!inWorkspace(rule.docs.good, rule.id).includes(rule.id), `the Fixed example gets ${rule.id} too`);
        const [bad, good] = [found.get(`${rule.id}-bad`)!, found.get(`${rule.id}-good`)!];
        assert.deepEqual([...new Set(bad)].filter((id) => !good.includes(id)), [], 'cablelint runs no rule of the workspace, and the examples differ in nothing else');
        return;
      }
      const bad = found.get(`${rule.id}-bad`)!;
      const good = found.get(`${rule.id}-good`)!;
      assert.ok(bad.includes(rule.id), `the Bad example gets no ${rule.id}: ${bad.join(' ')}`);
      assert.ok(!good.includes(rule.id), `the Fixed example gets ${rule.id} too`);
      const added = [...new Set(bad)].filter((id) => !good.includes(id));
      assert.deepEqual(added, [rule.id], 'rules the Bad example gets and the Fixed one does not');
    });
  }
});
