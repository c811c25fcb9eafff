#!/usr/bin/env node
// Generates syntaxes/cable.tmLanguage.json from the YAML source (as TypeScript-TmLanguage does).
// Usage: node scripts/build-grammar.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The grammar as JSON text. */
export function buildGrammar() {
  const source = yaml.load(readFileSync(join(root, 'syntaxes', 'cable.tmLanguage.yaml'), 'utf8'));
  return JSON.stringify(source, null, 2) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(join(root, 'syntaxes', 'cable.tmLanguage.json'), buildGrammar());
  console.log('wrote syntaxes/cable.tmLanguage.json');
}
