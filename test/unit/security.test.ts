/**
 * Security: the code we ship starts no processes, opens no sockets and never
 * evaluates strings; the extension declares untrusted and virtual workspace
 * support; configuration and dictionaries are read strictly as data.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../server/src/core/config';
import { loadUserDictionary } from '../../server/src/features/dictionaries';
import { ROOT } from '../helpers';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(full));
    else if (e.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

describe('security', () => {
  it('server, CLI and client code import no process, network or eval facilities', () => {
    for (const file of [...sources(path.join(ROOT, 'server/src')), ...sources(path.join(ROOT, 'client/src'))]) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(ROOT, file);
      assert.doesNotMatch(text, /from ['"](?:node:)?(?:child_process|net|http|https|dgram|tls)['"]/, rel);
      assert.doesNotMatch(text, /\beval\s*\(|new Function\s*\(/, rel);
      assert.doesNotMatch(text, /\bfetch\s*\(/, rel);
    }
  });

  it('compiles no code but its own: only the CLI entry uses node:vm, for the bundle beside it', () => {
    const files = [...sources(path.join(ROOT, 'server/src')), ...sources(path.join(ROOT, 'client/src'))];
    const users = files.filter((f) => /from ['"](?:node:)?vm['"]|getBuiltinModule\(['"](?:node:)?vm['"]/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(users.map((f) => path.relative(ROOT, f).split(path.sep).join('/')), ['server/src/cliLoader.ts']);
    assert.match(fs.readFileSync(path.join(ROOT, 'server/src/cliLoader.ts'), 'utf8'), /const file = path\.join\(dir, BUNDLE\);/);
  });

  it('declares untrusted and virtual workspace support, and bundles every runtime dependency', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    // Virtual workspaces are supported with limits, which the manifest names: the server reads no files there.
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(pkg.capabilities.virtualWorkspaces.description, /\.cablelint\.jsonc/);
    // Nothing is installed at runtime: the .vsix carries only bundled files.
    assert.equal(pkg.dependencies, undefined);
  });

  it('treats configuration and dictionaries as data: prototype keys and code are not executed', () => {
    const { config } = parseConfig('{ "__proto__": { "polluted": true }, "rules": { "constructor": "error" } }');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(config.rules.size, 0);
    const { errors } = loadUserDictionary('{ "tags": [{ "code": "PREL", "meaning": { "toString": "x" } }] }', 'd.json');
    assert.deepEqual(errors, ['d.json: /tags/0/meaning must be a string']);
  });
});
