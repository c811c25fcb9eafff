/**
 * The search for a file's `.cablelint.jsonc`, which the editor and `cablelint` share: the nearest at or above the
 * file's folder, each folder looked at once, stopping where the front end says.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { isConfigFile, NearestConfig } from '../../server/src/configFiles';

/** A search over the POSIX paths of `files`, writing down each path it asks about. */
function search(files: readonly string[], stopsAt?: (folder: string) => boolean): { nearest: NearestConfig; asked: string[] } {
  const asked: string[] = [];
  const nearest = new NearestConfig(
    {
      exists: (p) => {
        asked.push(p);
        return files.includes(p);
      },
      join: path.posix.join,
      dirname: path.posix.dirname,
    },
    stopsAt,
  );
  return { nearest, asked };
}

describe('NearestConfig', () => {
  it('finds the nearest configuration at or above a folder, .cablelint.jsonc before .cablelint.json in one folder', () => {
    const { nearest } = search(['/ws/.cablelint.jsonc', '/ws/a/.cablelint.json', '/ws/a/b/.cablelint.jsonc', '/ws/a/b/.cablelint.json']);
    assert.equal(nearest.find('/ws/a/b/c'), '/ws/a/b/.cablelint.jsonc');
    assert.equal(nearest.find('/ws/a/b'), '/ws/a/b/.cablelint.jsonc');
    assert.equal(nearest.find('/ws/a'), '/ws/a/.cablelint.json');
    assert.equal(nearest.find('/ws/other/deep'), '/ws/.cablelint.jsonc');
    assert.equal(nearest.find('/elsewhere'), undefined);
    assert.equal(nearest.find('/'), undefined);
  });

  it('looks at each folder once, however many files and subfolders ask', () => {
    const { nearest, asked } = search(['/ws/.cablelint.jsonc']);
    for (let i = 0; i < 3; i++) {
      nearest.find('/ws/a/b');
      nearest.find('/ws/a/c');
      nearest.find('/ws/a');
      nearest.find('/ws');
    }
    assert.deepEqual(asked, ['/ws/a/b/.cablelint.jsonc', '/ws/a/b/.cablelint.json', '/ws/a/.cablelint.jsonc', '/ws/a/.cablelint.json', '/ws/.cablelint.jsonc', '/ws/a/c/.cablelint.jsonc', '/ws/a/c/.cablelint.json']);
  });

  it('goes no higher than the folder the front end stops it at (the editor\'s workspace folder), which it looks at itself', () => {
    const { nearest, asked } = search(['/.cablelint.jsonc', '/home/ws/.cablelint.json', '/home/.cablelint.jsonc'], (folder) => folder === '/home/ws' || folder === '/other');
    assert.equal(nearest.find('/home/ws/a'), '/home/ws/.cablelint.json');
    assert.equal(nearest.find('/other/a'), undefined);
    assert.ok(!asked.includes('/.cablelint.jsonc'));
    // Without the stop, the file system's root ends the search.
    assert.equal(search(['/.cablelint.jsonc']).nearest.find('/other/a'), '/.cablelint.jsonc');
  });

  it('forgets every answer when cleared: a configuration created or deleted since is found or not', () => {
    const files = ['/ws/.cablelint.jsonc'];
    const { nearest } = search(files);
    assert.equal(nearest.find('/ws/a'), '/ws/.cablelint.jsonc');
    files.push('/ws/a/.cablelint.jsonc');
    assert.equal(nearest.find('/ws/a'), '/ws/.cablelint.jsonc');
    nearest.clear();
    assert.equal(nearest.find('/ws/a'), '/ws/a/.cablelint.jsonc');
  });

  it('tells a configuration file by its name, in either separator', () => {
    assert.ok(isConfigFile('/ws/.cablelint.jsonc'));
    assert.ok(isConfigFile('C:\\ws\\sub\\.cablelint.json'));
    assert.ok(isConfigFile('.cablelint.json'));
    assert.ok(!isConfigFile('/ws/x.cablelint.jsonc'));
    assert.ok(!isConfigFile('/ws/.cablelint.jsonc.bak'));
  });
});
