/**
 * Generates files that mirror the rule list: `docs/rules/<id>.md`,
 * `docs/rules/README.md` and `schemas/cablelint.schema.json`.
 * `npx tsx scripts/generate.ts` writes them; the tests compare them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../server/src/core/rules/index';
import type { Rule } from '../server/src/core/rules/types';
import { defaultDictionaries } from '../server/src/features/dictionaries';
import { citeSource } from '../server/src/features/hover';

const root = path.resolve(__dirname, '..');

/** The page of one rule. */
export function rulePage(rule: Rule): string {
  return `# ${rule.id} ${rule.name}

${rule.description}

- Default severity: **${rule.defaultSeverity}**
- Fixable: ${!rule.fixable ? 'no' : rule.safeFixes ? 'yes, safely: a quick fix, which Fix All and `cablelint --fix` also apply' : 'yes: a quick fix for you to choose; Fix All and `cablelint --fix` leave it alone'}
- Tags: ${rule.tags.join(', ')}

## Bad

\`\`\`cable
${rule.docs.bad}
\`\`\`

## Fixed

\`\`\`cable
${rule.docs.good}
\`\`\`

Rationale: ${rule.docs.rationale}

Source: ${ruleSource(rule.docs.source)}

Configure it in \`.cablelint.jsonc\`: \`{ "rules": { "${rule.id}": "off" } }\` (or use the name \`${rule.name}\`).
`;
}

/** What a reader is told where a rule's source names the project's reference, which is not in the repository. */
export const REFERENCE_WORDS = {
  /** "FORMAT.md §7 rule 25" → "the project's format reference, §7 rule 25". */
  format: "the project's format reference",
  /** "CORPUS-FINDINGS §5" → "the project's corpus findings, §5". */
  findings: "the project's corpus findings",
  /** What "header-codes.tsv" and the other tables become, after "the project's header-code table". */
  tables: 'built from the sources in [docs/sources.md](../sources.md)',
};

/** What each table of the reference holds, for "the project's E.O. table". */
const TABLE_NAMES: Record<string, string> = {
  'header-codes': 'header-code',
  'routing-indicators': 'routing-indicator',
  markings: 'marking',
  'eo-reasons': 'E.O.',
  'tags-subject': 'TAG',
  'tags-program': 'TAG',
  'tags-geographic': 'TAG',
  'tags-organization': 'TAG',
};

/**
 * A rule's `docs.source` as a reader can follow it: each key of FORMAT.md §8 ("[TPUB5]") becomes the
 * document the hovers cite under it, linked to its address with its topic after it
 * ("[tpub.com/incco/5.htm](http://tpub.com/incco/5.htm) (security warning …)"), from the same `documents`
 * table of dictionary.json; "FORMAT.md", "CORPUS-FINDINGS" and the .tsv tables, which are not in the
 * repository, become {@link REFERENCE_WORDS}, keeping their section numbers for whoever holds them.
 * A key the table does not hold is left as it is, for the tests to find.
 */
export function ruleSource(source: string): string {
  const documents = defaultDictionaries().documents;
  const text = source
    .replace(/\[([A-Z][A-Z0-9-]*)\]/g, (key: string, name: string) => {
      const document = documents.get(name);
      // "[tpub.com/incco/5.htm](…) — security warning …" → "[tpub.com/incco/5.htm](…) (security warning …)".
      return document === undefined ? key : citeSource(document)[0].replace(/^(\[[^\]]*\]\([^)\s]*\)) — (.*)$/, '$1 ($2)');
    })
    .replace(/FORMAT\.md( §)?/g, (_, section: string | undefined) => (section ? `${REFERENCE_WORDS.format},${section}` : REFERENCE_WORDS.format))
    .replace(/CORPUS-FINDINGS( §)?/g, (_, section: string | undefined) => (section ? `${REFERENCE_WORDS.findings},${section}` : REFERENCE_WORDS.findings))
    .replace(/[a-z-]+\.tsv(?:(?:, | and )[a-z-]+\.tsv)*/g, (run: string) => {
      const files = run.split(/, | and /).map((f) => f.replace(/\.tsv$/, ''));
      const names = [...new Set(files.map((f) => TABLE_NAMES[f] ?? `${f}.tsv`))];
      return `the project's ${names.join(' and ')} ${files.length === 1 ? 'table' : 'tables'}, ${REFERENCE_WORDS.tables}`;
    });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The rules whose fixes Fix All applies: "CBL011 banner-malformed, … and CBL035 invisible-character". */
function safeList(): string {
  const names = allRules.filter((r) => r.safeFixes).map((r) => `${r.id} ${r.name}`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
}

/** The index of all rules. */
export function rulesReadme(): string {
  const rows = allRules.map((r) => `| [${r.id}](${r.id.toLowerCase()}.md) | ${r.name} | ${r.defaultSeverity} | ${r.fixable ? (r.safeFixes ? 'yes (Fix All)' : 'yes') : ''} | ${r.description.replace(/\|/g, '\\|')} |`);
  return `# Rules

Every rule has a stable id (never reused) and a kebab-case name; either may be used in \`.cablelint.jsonc\` and in the \`cable.rules\` setting.
Severities follow corpus analysis of the released cables (${REFERENCE_WORDS.findings}, "Implications for a validator"): checks that almost no real cable fails are errors, the rest warnings or info.
Each rule page gives its source: the counts of that analysis and the documents it rests on, each document linked. The counts are taken over the 1,295 cables of the WikiLeaks Cablegate release that the project's reference examined (or over those of them that have the part checked).
Fix All (\`source.fixAll.cable\`, \`cablelint --fix\`) applies only safe fixes, those of ${safeList()}. No safe fix adds, raises or lowers a classification; the other rules' quick fixes wait for the user to choose them, as does CBL011's respelling of a level scanned with a look-alike letter (\`S E C R F T\`), which is the likeliest reading, not what the text says.

Test fixtures: \`test/fixtures/rules/<id>-<name>.{bad,good}.cable\` with sidecars \`….expected.txt\`, one finding per line as \`line:col-line:col ID severity message\` (1-based lines and columns), and, where the rule reads more than the text, what the fixture is linted with in \`….json\` (\`{ "fileName": "09VALLETTA413.txt" }\` for CBL043; \`{ "workspace": ["….cited.cable"] }\` for CBL054, the other cables of the workspace, written beside it). \`scripts/make-rule-fixtures.mjs\` writes the fixtures from the invented samples. Each page's Bad example gets its rule from \`cablelint\` and its Fixed example does not (\`test/unit/ruleDocs.test.ts\`: a line \`…\` stands for lines left out, and a header's lines are read inside an invented cable's header).

| id | name | default | fixable | description |
|---|---|---|---|---|
${rows.join('\n')}
`;
}

/** The JSON schema of \`.cablelint.jsonc\`. */
export function configSchema(): string {
  const severity = { type: 'string', enum: ['off', 'hint', 'info', 'warning', 'error'] };
  const ruleProps: Record<string, unknown> = {};
  for (const r of allRules) {
    ruleProps[r.id] = { ...severity, description: `${r.name}: ${r.description} (default ${r.defaultSeverity})` };
    ruleProps[r.name] = { ...severity, description: `${r.id}: ${r.description} (default ${r.defaultSeverity})` };
  }
  const rules = { type: 'object', properties: ruleProps, additionalProperties: false };
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'cablelint configuration (.cablelint.jsonc)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules,
      ignore: { type: 'array', items: { type: 'string' }, description: 'Globs of files to skip; a glob that matches a folder skips everything under it (`drafts` is `drafts/**` too).' },
      overrides: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['files'], properties: { files: { type: 'array', items: { type: 'string' } }, rules } },
      },
      dictionaries: { type: 'array', items: { type: 'string' }, description: 'JSON files with extra TAGS and routing indicators (schemas/dictionary.schema.json).' },
    },
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

/** Every generated file: path → content. */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const r of allRules) files.set(`docs/rules/${r.id.toLowerCase()}.md`, rulePage(r));
  files.set('docs/rules/README.md', rulesReadme());
  files.set('schemas/cablelint.schema.json', configSchema());
  return files;
}

if (require.main === module) {
  for (const [rel, content] of generatedFiles()) {
    const full = path.join(root, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  console.log('generated docs/rules and schemas/cablelint.schema.json');
}
