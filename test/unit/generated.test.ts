/**
 * Files generated from the code or the reference data stay in step with it:
 * rule pages, the rule index, the configuration schema, the dictionary and
 * the rule fixtures.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles, REFERENCE_WORDS, ruleSource } from '../../scripts/generate';
import data from '../../server/src/core/data/dictionary.json';
import { ROOT } from '../helpers';

describe('generated files', () => {
  for (const [rel, content] of generatedFiles()) {
    it(`${rel} is up to date (npx tsx scripts/generate.ts)`, () => {
      assert.equal(fs.readFileSync(path.join(ROOT, rel), 'utf8'), content);
    });
  }

  it('rule pages cite what a reader can follow: no FORMAT.md, CORPUS-FINDINGS, .tsv or [KEY], and only links docs/sources.md lists', () => {
    const listed = fs.readFileSync(path.join(ROOT, 'docs/sources.md'), 'utf8');
    for (const [rel, content] of generatedFiles()) {
      if (!rel.startsWith('docs/rules/')) continue;
      // The bad and fixed examples are cable text, where brackets mean nothing.
      const prose = content.replace(/```[\s\S]*?```/g, '');
      // The reference is not in the repository; ruleSource says "the project's format reference, §7 rule 25" and so on instead.
      assert.doesNotMatch(prose, /FORMAT\.md|CORPUS-FINDINGS|\.tsv\b|shared\/reference/, rel);
      // A key of FORMAT.md §8 ("[TPUB5]") that the documents table of dictionary.json does not resolve.
      assert.doesNotMatch(prose, /\[(?:[A-Z][A-Z0-9-]*|corpus|seed)\](?!\()/, rel);
      for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^https?:/.test(target)) assert.ok(listed.includes(`<${target}>`), `${rel}: ${target} is not in docs/sources.md`);
        else assert.ok(fs.existsSync(path.join(ROOT, path.dirname(rel), target.split('#')[0])), `${rel}: ${target} does not exist`);
      }
    }
  });

  it('a rule source names the reference in words and links its documents', () => {
    const check = (source: string, expected: string) => assert.equal(ruleSource(source), expected);
    check(
      'Corpus analysis of the released cables (FORMAT.md §7 rules 4 and 5): 1,099 of 1,101; [TPUB5].',
      "Corpus analysis of the released cables (the project's format reference, §7 rules 4 and 5): 1,099 of 1,101; [tpub.com/incco/5.htm](http://tpub.com/incco/5.htm) (security warning (format line 4), EOM lines 15–16, SSN).",
    );
    check("CORPUS-FINDINGS, 'Warnings': 3 of 1,295.", "The project's corpus findings, 'Warnings': 3 of 1,295.");
    check('FORMAT.md §2; header-codes.tsv.', `The project's format reference, §2; the project's header-code table, ${REFERENCE_WORDS.tables}.`);
    check('From tags-subject.tsv and tags-program.tsv.', `From the project's TAG tables, ${REFERENCE_WORDS.tables}.`);
    check('[W16], [CFR197].', '[en.wikipedia.org/wiki/16-line\\_message\\_format](https://en.wikipedia.org/wiki/16-line_message_format), 32 CFR Part 197, Appendix A.');
    // A key the documents table does not hold stays, for the page test above to report.
    check('[NOSUCH].', '[NOSUCH].');
  });

  it('the dictionary is built from ../shared/reference (node scripts/build-data.mjs)', function () {
    if (!fs.existsSync(path.join(ROOT, '..', 'shared', 'reference'))) this.skip();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-data.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('the rule fixtures are what scripts/make-rule-fixtures.mjs writes', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/make-rule-fixtures.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('every dictionary entry keeps a source, and unverified meanings are marked', () => {
    for (const t of data.tags) assert.ok(t.source.length > 0, t.code);
    for (const r of data.routingIndicators) assert.ok(r.source.length > 0, r.code);
    const kact = data.tags.find((t) => t.code === 'KACT')!;
    assert.equal(kact.verified, false);
    assert.equal(data.tags.find((t) => t.code === 'PREL')!.verified, true);
    // A category row has no confidence column: S, whose name its row says is not established, was marked verified.
    assert.equal(data.tags.find((t) => t.family === 'category' && t.code === 'S')!.verified, false);
    assert.equal(data.tags.find((t) => t.family === 'category' && t.code === 'P')!.verified, true);
  });

  it('the dictionary holds every row of the reference tables, unverified rows included', function () {
    const reference = path.join(ROOT, '..', 'shared', 'reference');
    if (!fs.existsSync(reference)) this.skip();
    // The rows of a table by their first column, as build-data.mjs reads it (rules and notes are not entries).
    const rows = (file: string, keep: (kind: string) => boolean) =>
      fs.readFileSync(path.join(reference, file), 'utf8').split(/\r?\n/).slice(1).filter((l) => l.length > 0 && keep(l.split('\t')[0])).length;
    const family = (f: string) => data.tags.filter((t) => t.family === f).length;
    assert.equal(family('subject') + family('category'), rows('tags-subject.tsv', (k) => k === 'tag' || k === 'category'));
    assert.equal(family('program'), rows('tags-program.tsv', (k) => k === 'tag'));
    assert.equal(family('geographic'), rows('tags-geographic.tsv', (k) => k !== 'rule'));
    assert.equal(family('organization'), rows('tags-organization.tsv', (k) => k === 'org'));
    assert.equal(data.routingIndicators.length, rows('routing-indicators.tsv', () => true));
    assert.equal(data.markings.length, rows('markings.tsv', () => true));
    assert.equal(data.headerCodes.length, rows('header-codes.tsv', () => true));
    assert.equal(data.eo.length, rows('eo-reasons.tsv', (k) => k !== 'note'));
    // The rows that are no entry are named, with their counts and why, where a reader of the tables looks for the
    // entries' sources: the eo-reasons note and the families' rule rows were left out without a word.
    const sources = fs.readFileSync(path.join(ROOT, 'docs/sources.md'), 'utf8');
    const leftOut = sources.slice(sources.indexOf('## Rows of the reference left out'), sources.indexOf('## Documents behind the format hovers'));
    for (const [file, kind] of [['tags-program.tsv', 'general'], ['tags-geographic.tsv', 'rule'], ['tags-organization.tsv', 'rule'], ['eo-reasons.tsv', 'note']]) {
      const n = rows(file, (k) => k === kind);
      assert.match(leftOut, new RegExp(`^- \`${file.replace('.', '\\.')}\`, ${n} \`${kind}\` rows?: \\S`, 'm'), `${file} ${kind}`);
    }
  });

  it('the .cablelint.jsonc schema names every rule by id and by name', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/cablelint.schema.json'), 'utf8'));
    assert.ok(schema.properties.rules.properties.CBL028);
    assert.ok(schema.properties.rules.properties['portion-marking-missing']);
  });
});
