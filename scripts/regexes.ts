/**
 * Collects every regular expression of the core, the features and the grammar,
 * for the ReDoS test (`test/unit/redos.test.ts`): the literals, the ones the
 * modules build with `new RegExp(…)`, and the grammar's patterns.
 *
 * `node --require tsx/cjs scripts/regexes.ts --built DIR…` prints, as JSON,
 * the expressions that the modules under each DIR build when they load.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

function walk(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.name.endsWith('.ts')) out.push(full);
  }
}

/** The TypeScript sources under `dirs`, as absolute paths. */
function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const files: string[] = [];
  for (const d of dirs) walk(path.join(root, d), files);
  return files;
}

/** `file:line`, relative to `root`, with `/` between folders on every platform. */
function whereIn(root: string, file: string, line: number): string {
  return `${path.relative(root, file).split(path.sep).join('/')}:${line}`;
}

// Global, sticky and indices flags change where a search starts or what it reports, not how it backtracks.
const checkedFlags = (flags: string): string => flags.replace(/[gdy]/g, '');

/** Visits every node of every TypeScript source under `dirs`. */
function visitSources(root: string, dirs: readonly string[], visit: (node: ts.Node, sf: ts.SourceFile, where: () => string) => void): void {
  for (const file of sourceFiles(root, dirs)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const walkNode = (node: ts.Node) => {
      visit(node, sf, () => whereIn(root, file, sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1));
      ts.forEachChild(node, walkNode);
    };
    walkNode(sf);
  }
}

/** Regex literals in TypeScript sources under `dirs`. */
export function sourceRegexes(root: string, dirs: readonly string[]): FoundRegex[] {
  const result: FoundRegex[] = [];
  visitSources(root, dirs, (node, sf, where) => {
    if (node.kind !== ts.SyntaxKind.RegularExpressionLiteral) return;
    const text = node.getText(sf);
    const last = text.lastIndexOf('/');
    result.push({ where: where(), source: text.slice(1, last), flags: checkedFlags(text.slice(last + 1)) });
  });
  return result;
}

/**
 * Where the TypeScript sources under `dirs` build a regular expression from a
 * string, `new RegExp(…)` or `RegExp(…)`, as `file:line`.
 * {@link builtRegexes} must find an expression at each of them.
 */
export function regexConstructorSites(root: string, dirs: readonly string[]): string[] {
  const result: string[] = [];
  visitSources(root, dirs, (node, _sf, where) => {
    if (!ts.isNewExpression(node) && !ts.isCallExpression(node)) return;
    if (ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') result.push(where());
  });
  return result;
}

/**
 * The regular expressions that the modules under `dirs` build with
 * `new RegExp(…)` when they load, each at the line that builds it.
 * A child process (so that no module is already loaded) replaces the global
 * `RegExp` with a proxy that records what it builds and where, then loads
 * every module; a source map gives the TypeScript line.
 * An expression built only when a function runs is not seen here, which
 * {@link regexConstructorSites} lets a test catch.
 */
export function builtRegexes(root: string, dirs: readonly string[]): FoundRegex[] {
  const args = ['--require', require.resolve('tsx/cjs'), __filename, '--built', root, ...dirs];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`loading the modules under ${dirs.join(', ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as FoundRegex[];
}

/** The child process of {@link builtRegexes}: loads the modules and prints what they built. */
function printBuiltRegexes(root: string, dirs: readonly string[]): void {
  const dirPrefixes = dirs.map((d) => path.join(root, d) + path.sep);
  const found: FoundRegex[] = [];
  const Original = RegExp;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args, newTarget) {
      const re = Reflect.construct(target, args, newTarget) as RegExp;
      record(re);
      return re;
    },
    apply(target, thisArg, args) {
      const re = Reflect.apply(target, thisArg, args) as RegExp;
      record(re);
      return re;
    },
  });
  // The first frame in one of the modules is the line that built the expression ("    at f (/…/metadata.ts:73:19)").
  function record(re: RegExp): void {
    for (const frame of (new Error().stack ?? '').split('\n').slice(1)) {
      const m = /\(?(\/[^()]*|[A-Za-z]:\\[^()]*):(\d+):\d+\)?$/.exec(frame.trim());
      if (!m || !dirPrefixes.some((p) => m[1].startsWith(p))) continue;
      found.push({ where: whereIn(root, m[1], Number(m[2])), source: re.source, flags: checkedFlags(re.flags) });
      return;
    }
  }
  const load = createRequire(__filename);
  for (const file of sourceFiles(root, dirs)) load(file);
  globalThis.RegExp = Original;
  process.stdout.write(JSON.stringify(found));
}

/** `match`, `begin`, `end` and `while` patterns of the TextMate grammar (Oniguruma syntax, read as JavaScript). */
export function grammarRegexes(root: string): FoundRegex[] {
  const grammar = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes/cable.tmLanguage.json'), 'utf8'));
  const result: FoundRegex[] = [];
  const visit = (v: unknown, where: string) => {
    if (!v || typeof v !== 'object') return;
    for (const [k, c] of Object.entries(v as Record<string, unknown>)) {
      if ((k === 'match' || k === 'begin' || k === 'end' || k === 'while') && typeof c === 'string') {
        // Oniguruma's (?i:…) group has no JavaScript equivalent; the case-insensitive check is the same.
        const flags = c.includes('(?i:') ? 'i' : '';
        result.push({ where: `${where}.${k}`, source: c.replace(/\(\?i:/g, '(?:'), flags });
      } else visit(c, `${where}.${k}`);
    }
  };
  visit(grammar.repository, 'grammar');
  return result;
}

if (require.main === module && process.argv[2] === '--built') printBuiltRegexes(process.argv[3], process.argv.slice(4));
