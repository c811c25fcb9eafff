/**
 * `.cablelint.jsonc` as the CLI and the server apply it to one file: rule
 * settings, overrides by glob and ignores. Globs are compiled once and reused,
 * so a reused matcher must still honour its own `dot` flag.
 */
import * as assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { ConfigResolver, globsNamePassedOver, isIgnored, isIgnoredFolder, isPassedOverFolder, matchesGlob, parseConfig, resolveConfig } from '../../server/src/core/config';

describe('configuration', () => {
  const { config, errors } = parseConfig(`{
    // comments are allowed
    "rules": { "CBL030": "warning" },
    "ignore": ["drafts/**"],
    "overrides": [{ "files": ["archive/**/*.txt"], "rules": { "CBL030": "off", "CBL028": "error" } }]
  }`);

  it('applies overrides only to the files their globs match', () => {
    assert.deepEqual(errors, []);
    const plain = resolveConfig(config, 'cables/09PARIS1.txt').rules;
    assert.equal(plain.get('CBL030'), 'warning');
    const archived = resolveConfig(config, 'archive/2009/09PARIS1.txt').rules;
    assert.equal(archived.get('CBL030'), 'off');
    assert.equal(archived.get('CBL028'), 'error');
    // Asked again, the compiled glob gives the same answers.
    assert.equal(resolveConfig(config, 'archive/2009/09PARIS1.txt').rules.get('CBL030'), 'off');
    assert.equal(resolveConfig(config, 'archive/2009/09PARIS1.cable').rules.get('CBL030'), 'warning');
  });

  it('ignores the files an ignore glob matches', () => {
    assert.equal(isIgnored(config, 'drafts/a.cable'), true);
    assert.equal(isIgnored(config, 'drafts/deep/b.cable'), true);
    assert.equal(isIgnored(config, 'final/a.cable'), false);
  });

  it('reads a glob that starts with ./ from the folder paths start from, and one that ends with / as the folder\'s files', () => {
    // `--ignore ./drafts/**` (a shell's habit) and `"ignore": ["drafts/"]` (a .gitignore's) matched no file at all.
    const { config: dotted } = parseConfig('{ "ignore": ["./drafts/**", "old/"], "overrides": [{ "files": ["./archive/"], "rules": { "CBL030": "off" } }] }');
    assert.equal(isIgnored(dotted, 'drafts/a.cable'), true);
    assert.equal(isIgnored(dotted, 'old/deep/b.cable'), true);
    assert.equal(isIgnored(dotted, 'final/a.cable'), false);
    assert.equal(isIgnored(dotted, 'x/old/a.cable'), false);
    assert.equal(resolveConfig(dotted, 'archive/2009/09PARIS1.txt').rules.get('CBL030'), 'off');
    assert.notEqual(resolveConfig(dotted, 'cables/09PARIS1.txt').rules.get('CBL030'), 'off');
    assert.equal(matchesGlob('a.cable', ['./*.cable'], false), true);
  });

  it('reads an ignore glob that names a folder as that folder and everything under it, as ESLint and .gitignore do', () => {
    // `--ignore drafts` matched a file named `drafts` only, and every cable under the folder `drafts/` was still checked.
    const { config: bare } = parseConfig('{ "ignore": ["drafts", "old/*", "2009-*"], "overrides": [{ "files": ["archive"], "rules": { "CBL030": "off" } }] }');
    assert.equal(isIgnored(bare, 'drafts'), true);
    assert.equal(isIgnored(bare, 'drafts/a.cable'), true);
    assert.equal(isIgnored(bare, 'drafts/deep/b.cable'), true);
    assert.equal(isIgnored(bare, 'old/x/b.cable'), true);
    assert.equal(isIgnored(bare, '2009-10/09PARIS1.txt'), true);
    // As in ESLint, unlike .gitignore: a glob without `**` is read from the configuration's folder only.
    assert.equal(isIgnored(bare, 'x/drafts/a.cable'), false);
    assert.equal(isIgnored(bare, 'drafts2/a.cable'), false);
    // `overrides` keep picomatch's reading: a file's glob names files.
    assert.notEqual(resolveConfig(bare, 'archive/09PARIS1.txt').rules.get('CBL030'), 'off');
  });

  it('prunes a folder only when every file under it is ignored, for folder, file and negated globs alike', () => {
    // The walk of `cablelint` does not enter a folder isIgnoredFolder names: it must never leave out a file isIgnored keeps.
    const globs = ['archive', 'archive/', './archive/**', 'archive/**/*.cable', 'archive/*', '**/2009', '**/2009/**', 'old/*', '*/', '20??-*', '{a,b}/**', '!archive/*.cable', '!(keep)', 'archive/*.cable', '**/*.txt', 'a/**/b', '*'];
    const folders = ['archive', 'archive/2009', 'old', 'old/2009', 'old/2009/x', 'keep', 'a', 'a/x/b', 'b/c', '2010-01', 'x/2009', 'x/y'];
    const names = ['09PARIS1.txt', 'n.cable', 'deep/n.cable', 'deep/09PARIS1.txt', 'archive/n.cable'];
    let pruned = 0;
    for (const glob of globs) {
      const { config } = parseConfig(JSON.stringify({ ignore: [glob] }));
      for (const folder of folders) {
        if (!isIgnoredFolder(config, folder)) continue;
        pruned++;
        for (const name of names) assert.equal(isIgnored(config, `${folder}/${name}`), true, `${glob} prunes ${folder} but keeps ${folder}/${name}`);
      }
    }
    assert.ok(pruned > 20, `only ${pruned} folders pruned`);
    const { config } = parseConfig('{ "ignore": ["archive", "old/*", "!keep/**"] }');
    assert.equal(isIgnoredFolder(config, 'archive'), true);
    assert.equal(isIgnoredFolder(config, 'archive/2009'), true);
    assert.equal(isIgnoredFolder(config, 'old'), false);
    assert.equal(isIgnoredFolder(config, 'old/2009'), true);
    // A negated glob names every folder but one, and so some files it may not: it prunes nothing.
    assert.equal(isIgnoredFolder(config, 'other'), false);
    assert.equal(isIgnoredFolder(config, ''), false);
  });

  it('says which include globs may take a file under a dot-folder or node_modules, which the index walks into only then', () => {
    // The index's walk enters a dot-folder only when globsNamePassedOver says a glob names one: it must never pass over a
    // folder holding a file the globs (matched without `dot`) take.
    const globs = ['**/*.cable', '**/[0-9][0-9][A-Z]*[0-9].txt', '.e2e/*.cable', '**/.e2e/**', '.*/*.cable', 'a/.*/*.cable', '{.e2e,x}/*.cable', '[.]e2e/*.cable', '@(.e2e|x)/*.cable', './.e2e/*.cable', '*/*.cable', '?e2e/*.cable', 'x.y/*.cable', '**/*.cable.bak'];
    const files = ['.e2e/n.cable', 'a/.e2e/n.cable', 'a/.e2e/x/n.cable', '.git/09PARIS1.txt', 'a/.vscode/n.cable', 'x/n.cable'];
    for (const glob of globs) {
      const underDot = files.filter((f) => f.split('/').slice(0, -1).some(isPassedOverFolder) && matchesGlob(f, [glob], false));
      if (underDot.length > 0) assert.equal(globsNamePassedOver([glob]).dot, true, `${glob} takes ${underDot.join(', ')}`);
    }
    // The default include globs name none, and so never walk into either.
    assert.deepEqual(globsNamePassedOver(['**/*.cable', '**/[0-9][0-9][A-Z]*[0-9].txt', '**/[12][09][0-9][0-9][A-Z]*[0-9]_[a-z].txt']), { dot: false, nodeModules: false });
    assert.deepEqual(globsNamePassedOver(['**/node_modules/cables/*.cable']), { dot: false, nodeModules: true });
    assert.deepEqual(['.git', '.vscode', 'node_modules', 'kept', 'a.b', 'node_modules2'].map(isPassedOverFolder), [true, true, true, false, false, false]);
  });

  it('keeps the dot flag of each glob apart, and agrees with picomatch.isMatch', () => {
    const paths = ['a.cable', '.hidden/a.cable', 'x/.y/09PARIS1.txt', 'x/y/09PARIS1.txt', 'node_modules/a.cable', 'a/node_modules/b/x'];
    const globs = ['**/*.cable', '**/node_modules/**', '**/[0-9][0-9][A-Z]*[0-9].txt', '*.cable'];
    for (let round = 0; round < 2; round++) {
      for (const dot of [false, true, false]) {
        for (const p of paths) {
          for (const g of globs) assert.equal(matchesGlob(p, [g], dot), picomatch.isMatch(p, g, { dot }), `${g} ${p} dot=${dot}`);
          assert.equal(matchesGlob(p, globs, dot), globs.some((g) => picomatch.isMatch(p, g, { dot })));
        }
      }
    }
    assert.equal(matchesGlob('a.cable', [], true), false);
  });

  it('reads an empty glob as matching no file, in ignore, overrides and --ignore alike', () => {
    // picomatch throws on "": cablelint stopped with an internal error, the server's index and file watcher with an uncaught one.
    const { config: empty, errors: none } = parseConfig('{ "ignore": [""], "overrides": [{ "files": ["", "archive/**"], "rules": { "CBL030": "off" } }] }');
    assert.deepEqual(none, []);
    assert.equal(isIgnored(empty, 'a.cable'), false);
    assert.notEqual(resolveConfig(empty, 'a.cable').rules.get('CBL030'), 'off');
    assert.equal(resolveConfig(empty, 'archive/a.cable').rules.get('CBL030'), 'off');
    assert.equal(matchesGlob('a.cable', ['', '*.cable'], false), true);
  });

  it('resolves many files as resolveConfig does, once per combination of matching overrides', () => {
    const { config: two } = parseConfig('{ "rules": { "CBL030": "warning" }, "overrides": [{ "files": ["archive/**"], "rules": { "CBL030": "off" } }, { "files": ["**/*.cable"], "rules": { "CBL028": "hint" } }] }');
    const extra = new Map([['CBL028', 'error' as const]]);
    const resolver = new ConfigResolver(two, extra);
    assert.equal(resolver.fixed, undefined);
    for (const p of ['a.txt', 'archive/a.txt', 'archive/b.cable', 'c.cable', 'archive/x/y.txt']) {
      assert.deepEqual([...resolver.resolve(p).rules], [...resolveConfig(two, p, extra).rules], p);
    }
    assert.equal(resolver.resolve('archive/a.txt'), resolver.resolve('archive/x/y.txt'), 'files matching the same overrides share their settings');
    assert.notEqual(resolver.resolve('archive/a.txt'), resolver.resolve('archive/b.cable'));
    // Without overrides every file gets the same settings, and no path is looked at.
    const plain = new ConfigResolver(parseConfig('{ "rules": { "CBL030": "off" } }').config);
    assert.deepEqual([...plain.fixed!.rules], [...resolveConfig(parseConfig('{ "rules": { "CBL030": "off" } }').config, 'any').rules]);
    assert.equal(plain.resolve('a'), plain.fixed);
  });
});
