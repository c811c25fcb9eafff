#!/usr/bin/env node
// The language server's bundle (dist/server.js, one for Node and a web worker) in a real web worker: Debian's Chromium, driven by
// playwright-core from .e2e/ (scripts/setup-e2e.sh), loads a page from a local HTTP server that starts the bundle in a
// Worker and speaks LSP to it with postMessage, as vscode-languageclient/browser does. The worker starts as the
// extension's browser entry starts it from a URL (client/src/browserExtension.ts): from a `blob:` script that imports
// the built-in dictionary (dist/dictionary.js) and then the bundle, so that the TAG hover reads the shipped file.
// The server must answer
// `initialize`, publish for an invented cable the diagnostics `cablelint` gives (rule ids and ranges), and answer
// `textDocument/documentSymbol` as `cablelint outline` reads the cable and `textDocument/hover` on a TAG. A client that
// offers to read files (`initializationOptions.readFiles`, as the extension's browser entry does) is asked for
// `.cablelint.jsonc` with `cable/readFile`, and the diagnostics follow it as `cablelint`'s do; one that offers and never
// answers still gets diagnostics; one that does not offer is never asked. A client that also offers to list files
// (`initializationOptions.listFiles`) is asked for the workspace's cable files (`cable/listFiles`) and their texts
// (`cable/readFiles`), and a closed cable served so is found by `workspace/symbol`. An error the worker throws (at
// start-up or later) fails the run.
// Usage: npm run build && node test/e2e/webWorker.mjs   (npm run test:e2e runs it)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checks } from '../checks.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { chromium } = createRequire(join(root, '.e2e', 'package.json'))('playwright-core');
const bundle = join(root, 'dist', 'server.js');
const dictionary = join(root, 'dist', 'dictionary.js');
// An invented cable with three defects (test/fixtures/editors/), linted by the CLI apart from the .cablelint.jsonc
// beside it (which raises CBL024 to an error and names the rule CBL999, which does not exist), and then with it.
const fixture = join(root, 'test', 'fixtures', 'editors', '10TALLINN207.cable');
const configText = readFileSync(join(root, 'test', 'fixtures', 'editors', '.cablelint.jsonc'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'cable-web-'));
const configured = mkdtempSync(join(tmpdir(), 'cable-web-config-'));
const file = join(dir, '10TALLINN207.cable');
copyFileSync(fixture, file);
copyFileSync(fixture, join(configured, '10TALLINN207.cable'));
copyFileSync(join(root, 'test', 'fixtures', 'editors', '.cablelint.jsonc'), join(configured, '.cablelint.jsonc'));
const text = readFileSync(file, 'utf8');
/** `cablelint` run in `cwd`, which finds the `.cablelint.jsonc` there. */
const cliIn = (cwd, ...args) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8', cwd });
const cli = (...args) => cliIn(dir, ...args);
const SEVERITIES = { error: 1, warning: 2, info: 3, hint: 4 };
/** The CLI's findings for the fixture in `folder`, as "id range severity" (LSP's numbers). */
const cliDiagnostics = (folder) =>
  JSON.parse(cliIn(folder, '--format', 'json', '10TALLINN207.cable').stdout)[0].diagnostics.map((d) => `${d.id} ${JSON.stringify(d.range)} ${SEVERITIES[d.severity]}`);
const expectedDiagnostics = cliDiagnostics(dir);
const expectedConfigured = cliDiagnostics(configured);
// `cablelint outline` prints a symbol a line: its name, "  — " and its detail if any, and its 1-based line in brackets.
const expectedOutline = cli('outline', file)
  .stdout.split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => {
    const [, name, line] = /^\s*(.*?)(?: {2}— .*)? {2}\[(\d+)\]$/.exec(l);
    return `${name} ${line}`;
  });

// The page: it starts the worker, keeps every message it posts and every error it raises, and lets the runner post.
// It answers `cable/readFile` and `cable/readFiles` from window.files (null for a file not there), and `cable/listFiles`
// with the URIs of window.files, unless window.silent is set.
const page = `<!doctype html><meta charset="utf-8"><script>
window.received = []; window.errors = []; window.files = {}; window.silent = false;
const start = \`importScripts('\${location.origin}/dictionary.js', '\${location.origin}/server.js');\`;
const worker = new Worker(URL.createObjectURL(new Blob([start], { type: 'text/javascript' })));
const answer = (m) => {
  if (m.method === 'cable/readFile') return window.files[m.params.uri] ?? null;
  if (m.method === 'cable/readFiles') return m.params.uris.map((u) => window.files[u] ?? null);
  if (m.method === 'cable/listFiles') return { uris: Object.keys(window.files) };
  return undefined;
};
worker.onmessage = (e) => {
  window.received.push(e.data);
  const result = window.silent ? undefined : answer(e.data);
  if (result !== undefined) worker.postMessage({ jsonrpc: '2.0', id: e.data.id, result });
};
worker.onerror = (e) => window.errors.push(String(e.message || e));
worker.onmessageerror = () => window.errors.push('messageerror');
window.post = (m) => worker.postMessage(m);
</script>`;
const http = createServer((req, res) => {
  if (req.url === '/server.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(bundle));
  else if (req.url === '/dictionary.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(dictionary));
  else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  else res.writeHead(404).end();
});
await new Promise((r) => http.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${http.address().port}/`;

const run = checks();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const tab = await browser.newPage();
const pageErrors = [];
tab.on('pageerror', (e) => pageErrors.push(e.message));
try {
  await tab.goto(url);
  const uri = 'file:///ws/10TALLINN207.cable';
  const post = (m) => tab.evaluate((msg) => window.post(msg), { jsonrpc: '2.0', ...m });
  /** The first message the worker posted that `pick` takes, waited for up to 15 s. */
  const waitFor = async (what, pick) => {
    for (let i = 0; i < 150; i++) {
      const found = (await tab.evaluate(() => window.received)).find(pick);
      if (found) return found;
      const errors = await tab.evaluate(() => window.errors);
      if (errors.length > 0) throw new Error(`the worker threw: ${errors.join('; ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no ${what} within 15 s`);
  };

  await run.check('the worker starts and answers initialize', async () => {
    await post({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, workspaceFolders: null, capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } } });
    const reply = await waitFor('initialize reply', (m) => m.id === 1);
    assert(reply.result?.serverInfo?.name === 'cable-language-server', `serverInfo: ${JSON.stringify(reply.result?.serverInfo ?? reply.error)}`);
    assert(reply.result.capabilities.documentSymbolProvider && reply.result.capabilities.hoverProvider, 'no outline or hover capability');
  });

  await run.check('an opened cable gets the diagnostics cablelint gives (rule ids and ranges)', async () => {
    await post({ method: 'initialized', params: {} });
    await post({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'cable', version: 1, text } } });
    const published = await waitFor('publishDiagnostics', (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    const got = published.params.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.range)} ${d.severity}`);
    assert(expectedDiagnostics.length === 3, `the CLI gives ${expectedDiagnostics.length} findings, not the fixture's 3`);
    assert(JSON.stringify(got) === JSON.stringify(expectedDiagnostics), `got ${JSON.stringify(got)}, cablelint gives ${JSON.stringify(expectedDiagnostics)}`);
  });

  await run.check('the worker says in the output what it cannot do in the browser', async () => {
    const log = await waitFor('log message', (m) => m.method === 'window/logMessage' && /Running in the browser/.test(m.params.message));
    assert(/\.cablelint\.jsonc/.test(log.params.message), log.params.message);
  });

  await run.check('textDocument/documentSymbol answers the outline cablelint prints', async () => {
    await post({ id: 2, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
    const reply = await waitFor('documentSymbol reply', (m) => m.id === 2);
    const flat = (symbols) => symbols.flatMap((s) => [`${s.name} ${s.selectionRange.start.line + 1}`, ...flat(s.children ?? [])]);
    const got = flat(reply.result ?? []);
    assert(expectedOutline.length > 5, `the CLI's outline has ${expectedOutline.length} symbols`);
    assert(JSON.stringify(got) === JSON.stringify(expectedOutline), `got ${JSON.stringify(got)}, cablelint outline gives ${JSON.stringify(expectedOutline)}`);
  });

  await run.check('textDocument/hover on a TAG gives its meaning', async () => {
    const line = text.split(/\r?\n/).findIndex((l) => l.startsWith('TAGS:'));
    const character = text.split(/\r?\n/)[line].indexOf('PGOV') + 1;
    await post({ id: 3, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line, character } } });
    const reply = await waitFor('hover reply', (m) => m.id === 3);
    const value = reply.result?.contents?.value ?? '';
    assert(reply.result?.contents?.kind === 'markdown', `hover kind ${reply.result?.contents?.kind}`);
    assert(/PGOV/.test(value) && /Internal Governmental Affairs/.test(value), `hover: ${value.slice(0, 200)}`);
  });

  await run.check('a client that does not offer to read files is asked for none', async () => {
    const asked = (await tab.evaluate(() => window.received)).filter((m) => m.method === 'cable/readFile');
    assert(asked.length === 0, `asked for ${asked.map((m) => m.params.uri).join(', ')}`);
  });

  /** Starts the worker again in a fresh page, as a client of `folder` that offers to read files, with `files` to answer from. */
  const offerFiles = async (files, silent, initializationOptions = { readFiles: true }) => {
    await tab.goto(url);
    await tab.evaluate(([f, q]) => ((window.files = f), (window.silent = q)), [files, silent]);
    await post({ id: 1, method: 'initialize', params: { processId: null, rootUri: 'file:///ws', workspaceFolders: [{ uri: 'file:///ws', name: 'ws' }], initializationOptions, capabilities: {} } });
    await waitFor('initialize reply', (m) => m.id === 1);
    await post({ method: 'initialized', params: {} });
    await post({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'cable', version: 1, text } } });
    const published = await waitFor('publishDiagnostics', (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    return published.params.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.range)} ${d.severity}`);
  };

  await run.check("a client that offers to read files is asked for .cablelint.jsonc, and the diagnostics follow it as cablelint does", async () => {
    const got = await offerFiles({ 'file:///ws/.cablelint.jsonc': configText }, false);
    assert(JSON.stringify(expectedConfigured) !== JSON.stringify(expectedDiagnostics), 'the configuration changes nothing the CLI reports');
    assert(JSON.stringify(got) === JSON.stringify(expectedConfigured), `got ${JSON.stringify(got)}, cablelint gives ${JSON.stringify(expectedConfigured)}`);
    const configProblems = await waitFor('diagnostics of .cablelint.jsonc', (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === 'file:///ws/.cablelint.jsonc');
    assert(configProblems.params.diagnostics.some((d) => /CBL999/.test(d.message)), JSON.stringify(configProblems.params.diagnostics));
  });

  await run.check('a client that offers to read files and never answers still gets the default diagnostics', async () => {
    const got = await offerFiles({}, true);
    assert(JSON.stringify(got) === JSON.stringify(expectedDiagnostics), `got ${JSON.stringify(got)}, cablelint gives ${JSON.stringify(expectedDiagnostics)}`);
  });

  await run.check('a client that offers to list files is asked for them, and a closed cable it serves is found by workspace/symbol', async () => {
    // An invented closed cable beside the open one, which the server never sees but through the client.
    const closed = 'file:///ws/10TALLINN211.cable';
    const closedText = text.replace(/TALLINN 0*207/g, 'TALLINN 000211').replace(/^SUBJECT: .*$/m, 'SUBJECT: HARBOR PILOTS ASK FOR NEW CHARTS');
    await offerFiles({ [uri]: text, [closed]: closedText }, false, { readFiles: true, listFiles: true });
    await waitFor('cable/indexed', (m) => m.method === 'cable/indexed' && m.params.count >= 2);
    await post({ id: 4, method: 'workspace/symbol', params: { query: 'pilots' } });
    const reply = await waitFor('workspace/symbol reply', (m) => m.id === 4);
    const found = (reply.result ?? []).map((s) => `${s.name} ${s.location.uri}`);
    assert(JSON.stringify(found) === JSON.stringify([`10TALLINN211: HARBOR PILOTS ASK FOR NEW CHARTS ${closed}`]), `workspace/symbol: ${JSON.stringify(found)}`);
    const read = (await tab.evaluate(() => window.received)).filter((m) => m.method === 'cable/readFiles').flatMap((m) => m.params.uris);
    // The open cable may be read too, when the listing is answered before its didOpen arrives: the editor's text still wins.
    assert(read.includes(closed), `read ${JSON.stringify(read)}`);
  });

  await run.check('the worker and the page raised no error', async () => {
    const errors = await tab.evaluate(() => window.errors);
    assert(errors.length === 0 && pageErrors.length === 0, [...errors, ...pageErrors].join('; '));
  });
} finally {
  await browser.close();
  http.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(configured, { recursive: true, force: true });
}
run.finish();
