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
 */
export function buildGrammar() {
  const { variables = {}, ...source } = yaml.load(readFileSync(join(root, 'syntaxes', 'cable.tmLanguage.yaml'), 'utf8'));
  const values = new Map();
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(join(root, 'syntaxes', 'cable.tmLanguage.json'), buildGrammar());
  console.log('wrote syntaxes/cable.tmLanguage.json');
}
