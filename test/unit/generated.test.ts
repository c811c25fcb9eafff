/**
 * Files generated from the code or the reference data stay in step with it:
 * rule pages, the rule index, the configuration schema, the dictionary and
 * the rule fixtures.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles } from '../../scripts/generate';
import data from '../../server/src/core/data/dictionary.json';
import { ROOT } from '../helpers';

describe('generated files', () => {
  for (const [rel, content] of generatedFiles()) {
    it(`${rel} is up to date (npx tsx scripts/generate.ts)`, () => {
      assert.equal(fs.readFileSync(path.join(ROOT, rel), 'utf8'), content);
    });
  }

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
  });

  it('the .cablelint.jsonc schema names every rule by id and by name', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/cablelint.schema.json'), 'utf8'));
    assert.ok(schema.properties.rules.properties.CBL028);
    assert.ok(schema.properties.rules.properties['portion-marking-missing']);
  });
});
