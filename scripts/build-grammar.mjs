#!/usr/bin/env node
// Generates syntaxes/cable.tmLanguage.json from the YAML source (as TypeScript-TmLanguage does).
// Usage: node scripts/build-grammar.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The grammar as JSON text. As TypeScript-TmLanguage's build does, the YAML's `variables` name the pieces of expression
 * several rules share (`{{bureau}}`, the office codes); each `{{name}}` in a `match`, `begin`, `end` or `while` is replaced
 * by its value, in which a variable named before it may stand, and the `variables` are left out of the JSON.
 * Two variables come from the core's data rather than the YAML: `{{tagCode}}`, every known TAG code of letters alone
 * (server/src/core/data/tagCodes.json), which the parser's reading of a wrapped TAGS line asks for too, and `{{tagStart}}`,
 * those codes and every start of one ("P", "PR", "PRE"), a TAG being typed; and `{{tagCodeLong}}`, the codes of more than
 * five capitals, which a list of short codes in capitals may hold. `{{refOneOff}}` and `{{classifiedByOneOff}}` are the REF and
 * Classified By labels one character off, as the parser's misspeltLabel reads them (`oneOff`).
 */
export function buildGrammar() {
  const { variables = {}, ...source } = yaml.load(readFileSync(join(root, 'syntaxes', 'cable.tmLanguage.yaml'), 'utf8'));
  const { codes } = JSON.parse(readFileSync(join(root, 'server', 'src', 'core', 'data', 'tagCodes.json'), 'utf8'));
  const letters = codes.filter((c) => /^[A-Z]+$/.test(c));
  const starts = [...new Set(letters.flatMap((c) => Array.from({ length: c.length }, (_, k) => c.slice(0, k + 1))))];
  const values = new Map([
    ['tagCode', trie(letters)],
    ['tagStart', trie(starts)],
    ['tagCodeLong', letters.filter((c) => c.length > 5).join('|')],
    ['refOneOff', oneOff('REF')],
    ['classifiedByOneOff', oneOff('CLASSIFIEDBY')],
  ]);
  const expand = (text) =>
    text.replace(/\{\{(\w+)\}\}/g, (_, name) => {
      if (!values.has(name)) throw new Error(`cable.tmLanguage.yaml: {{${name}}} names no variable defined before it`);
      return values.get(name);
    });
  for (const [name, value] of Object.entries(variables)) values.set(name, expand(value));
  const walk = (node) => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, typeof v === 'string' && PATTERN_KEYS.has(k) ? expand(v) : walk(v)]));
  };
  return JSON.stringify(walk(source), null, 2) + '\n';
}

const PATTERN_KEYS = new Set(['match', 'begin', 'end', 'while']);

/**
 * An alternation of `words` written as a trie, each shared start once (`PREL|PREF` as `PRE(?:F|L)`): one way only to read
 * each word, which recheck decides in time where it gave up on the list of 500 codes written out.
 */
function trie(words) {
  const root = new Map();
  for (const w of words) {
    let node = root;
    for (const c of w) {
      if (!node.has(c)) node.set(c, new Map());
      node = node.get(c);
    }
    node.set('', new Map());
  }
  const write = (node) => {
    const end = node.has('');
    const parts = [...node.keys()].filter((c) => c !== '').sort().map((c) => c + write(node.get(c)));
    if (parts.length === 0) return '';
    const body = parts.length === 1 ? parts[0] : `(?:${parts.join('|')})`;
    return end ? (parts.length === 1 && parts[0].length === 1 ? `${body}?` : `(?:${parts.join('|')})?`) : body;
  };
  const top = [...root.keys()].sort().map((c) => c + write(root.get(c)));
  return top.join('|');
}

/**
 * `label` (capitals, no spaces) with one character changed to another letter or digit, two side by side swapped, or one
 * lost from a label of four letters or more (none added), as the parser's `oneCharacterOff` reads a misspelt label, for use
 * in `(?i:…)`: spaces may stand between any two characters (the parser reads the label's letters with its spaces left out,
 * `CLASSIF lED BY`). A changed character is any letter or digit, the one written included, so that the label's letters
 * split by a space (`CLASSIFIED B Y`), which the parser reads too, match; the grammar leaves out the label written right
 * with a look-ahead. Each variant is written once, its characters joined by ` *`, so each is read one way only and the
 * alternation is tried a fixed number of times at a position (a negative look-ahead, not a `(?!L)` in each variant, and no
 * counted repetition: recheck's fuzzer decides neither in time).
 */
function oneOff(label) {
  const variants = new Set();
  const chars = [...label];
  const join = (parts) => parts.join(' *');
  for (let k = 0; k < chars.length; k++) {
    variants.add(join([...chars.slice(0, k), '[A-Z0-9]', ...chars.slice(k + 1)]));
    if (chars.length >= 4) variants.add(join([...chars.slice(0, k), ...chars.slice(k + 1)]));
    if (k + 1 < chars.length && chars[k] !== chars[k + 1]) variants.add(join([...chars.slice(0, k), chars[k + 1], chars[k], ...chars.slice(k + 2)]));
  }
  return [...variants].join('|');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(join(root, 'syntaxes', 'cable.tmLanguage.json'), buildGrammar());
  console.log('wrote syntaxes/cable.tmLanguage.json');
}
