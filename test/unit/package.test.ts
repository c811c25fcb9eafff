/**
 * What keeps the .vsix under 1 MB: its changelog (scripts/changelog-digest.mjs), each entry's first sentence, with
 * CHANGELOG.md growing by every change (the repository and the npm package keep the whole file); the built-in
 * dictionary shipped once, as dist/dictionary.js, which the server reads under Node and in a worker, not in a bundle
 * (esbuild.mjs); and its JSON files written without white space (scripts/compact-json.mjs). Run after `npm run build`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { changelogDigest, firstSentence } from '../../scripts/changelog-digest.mjs';
import { compactJson } from '../../scripts/compact-json.mjs';
import { ROOT } from '../helpers';

describe('the packaged changelog', () => {
  it('cuts an entry after its first sentence', () => {
    assert.equal(firstSentence('- CBL001: the DTG is read again. It was lost before.'), '- CBL001: the DTG is read again.');
    assert.equal(firstSentence('- Hover shows the TAG. `Ctrl+K` opens it.'), '- Hover shows the TAG.');
  });

  it('keeps an entry of one sentence whole', () => {
    const entry = '- Completion offers the next paragraph number (as `¶4.`), at the margin only.';
    assert.equal(firstSentence(entry), entry);
  });

  it('ends no sentence inside a code span, inside parentheses, at an abbreviation or before a number', () => {
    for (const entry of [
      '- CBL047 reads a stamp (`Case No. F-2031 Doc No. C0987 Date: 04/17/2032`) left in the text',
      '- The banner reads as meant (a scan. Then the rest) and reported',
      '- A cable of the U.S. Mission reads its post',
      '- Reasons after No. Seven and e.g. Eight stay',
      '- The order of E.O. 12958 is read',
    ]) assert.equal(firstSentence(entry), entry, entry);
  });

  it('keeps every heading and one line per entry of CHANGELOG.md, each the start of its entry, closing with where the whole file is', () => {
    const text = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    const digest = changelogDigest(text, 'The whole file is CHANGELOG.md.');
    const entries = text.split('\n').filter((l) => l.startsWith('- '));
    const lines = digest.split('\n');
    assert.deepEqual(lines.filter((l) => l.startsWith('#')), text.split('\n').filter((l) => l.startsWith('#')));
    const cut = lines.filter((l) => l.startsWith('- '));
    assert.equal(cut.length, entries.length);
    cut.forEach((line, i) => {
      assert.ok(entries[i].startsWith(line), line);
      assert.equal((line.match(/`/g) ?? []).length % 2, 0, `an open code span in ${line}`);
    });
    assert.ok(lines.every((l) => !/^\s+\S/.test(l)), 'no line under an entry');
    assert.ok(digest.endsWith('The whole file is CHANGELOG.md.\n'));
    assert.ok(digest.length < text.length * 0.75, `${digest.length} of ${text.length} characters`);
  });
});

describe('the built-in dictionary, shipped once', () => {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'core', 'data', 'dictionary.json'), 'utf8')) as Record<string, unknown>;
  const file = path.join(ROOT, 'dist', 'dictionary.js');

  it('dist/dictionary.js sets it as a global where a worker runs it as a script, and exports it where Node requires it', () => {
    const text = fs.readFileSync(file, 'utf8');
    const scope: Record<string, unknown> = {};
    vm.runInNewContext(text, scope, { filename: file });
    // Values of another realm, compared as data.
    const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
    assert.deepEqual(plain(scope.cableDictionary), json);
    const module = { exports: {} };
    vm.runInNewContext(text, { module, exports: module.exports }, { filename: file });
    assert.deepEqual(plain(module.exports), json);
  });

  it('no bundle in dist/ carries its meanings or sources, and the package ships the file', () => {
    // Texts only the dictionary holds: every document of FORMAT.md §8 it cites, and the first TAG meanings.
    const texts = [...(json.documents as { text: string }[]).map((d) => d.text), ...(json.tags as { meaning?: string }[]).flatMap((t) => (t.meaning ? [t.meaning] : [])).slice(0, 20)];
    assert.ok(fs.readFileSync(file, 'utf8').includes(JSON.stringify(texts[0])));
    const bundles = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? bundles(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []));
    const checked = bundles(path.join(ROOT, 'dist')).filter((f) => f !== file);
    assert.ok(checked.some((f) => f.endsWith(path.join('dist', 'server.js'))), 'the server is among the bundles read');
    for (const bundle of checked) {
      const text = fs.readFileSync(bundle, 'utf8');
      assert.deepEqual(texts.filter((t) => text.includes(JSON.stringify(t).slice(1, -1))), [], path.relative(ROOT, bundle));
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    assert.ok(pkg.files.includes('dist/dictionary.js'));
  });
});

describe('the packaged JSON files', () => {
  it('are written without white space, read as the same values; a file with comments is kept as it is', () => {
    const schema = fs.readFileSync(path.join(ROOT, 'schemas', 'cablelint.schema.json'), 'utf8');
    const compact = compactJson(schema);
    assert.deepEqual(JSON.parse(compact), JSON.parse(schema));
    assert.ok(compact.length < schema.length * 0.8, `${compact.length} of ${schema.length} characters`);
    const withComments = '{\n  // the brackets\n  "brackets": []\n}\n';
    assert.equal(compactJson(withComments), withComments);
  });
});
