/**
 * Collects every regular expression of the core, the features and the grammar,
 * for the ReDoS test (`test/unit/redos.test.ts`).
 */
import * as fs from 'node:fs';
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

/** Regex literals in TypeScript sources under `dirs`. */
export function sourceRegexes(root: string, dirs: readonly string[]): FoundRegex[] {
  const files: string[] = [];
  for (const d of dirs) walk(path.join(root, d), files);
  const result: FoundRegex[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const last = text.lastIndexOf('/');
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        result.push({ where: `${path.relative(root, file)}:${line + 1}`, source: text.slice(1, last), flags: text.slice(last + 1).replace(/[gdy]/g, '') });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return result;
}

/** `match`, `begin` and `end` patterns of the TextMate grammar (Oniguruma syntax, read as JavaScript). */
export function grammarRegexes(root: string): FoundRegex[] {
  const grammar = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes/cable.tmLanguage.json'), 'utf8'));
  const result: FoundRegex[] = [];
  const visit = (v: unknown, where: string) => {
    if (!v || typeof v !== 'object') return;
    for (const [k, c] of Object.entries(v as Record<string, unknown>)) {
      if ((k === 'match' || k === 'begin' || k === 'end') && typeof c === 'string') {
        // Oniguruma's (?i:…) group has no JavaScript equivalent; the case-insensitive check is the same.
        const flags = c.includes('(?i:') ? 'i' : '';
        result.push({ where: `${where}.${k}`, source: c.replace(/\(\?i:/g, '(?:'), flags });
      } else visit(c, `${where}.${k}`);
    }
  };
  visit(grammar.repository, 'grammar');
  return result;
}
