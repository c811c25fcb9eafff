#!/usr/bin/env node
// The README's "Other editors" setups, run in real editors against the packaged server.
// The package is packed and installed with `npm install -g --prefix` into a temporary folder, so the
// editors start `cable-language-server` from PATH as a user's global install has it.
// Emacs 28 + eglot (Debian's elpa-eglot) runs the README's elisp, Neovim 0.7 runs the README's
// snippet for 0.7 to 0.10, each on an invented cable with known defects; what each editor saw
// (eglot-check.el, nvim-check.lua) is compared here with `cablelint` on the same text.
// Each also opens a .txt cable named by a hash, with blank lines before its header, which the README's setups must
// open as a cable by its text, and notes in a .txt file, which they must leave plain text.
// Each workspace also holds a cable no editor opens: its findings must reach the editor when the README's line for
// cable.validate.scope "workspace" is in force (a second run of each editor), and only then.
// Helix is not in Debian 12: its languages.toml is only parsed and its command started, and a client that answers
// the server's settings request as Helix answers it checks what its config line does.
// Usage: npm run test:editors   (runs scripts/setup-editors.sh and npm run build first)
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { parse as parseToml } from 'smol-toml';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { assert, checks } from '../checks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const FIXTURE = join(root, 'test', 'fixtures', 'editors', '10TALLINN207.cable');
/** The cable no editor opens, with one finding the open one lacks (CBL028). */
const CLOSED = join(root, 'test', 'fixtures', 'editors', '10TALLINN211.cable');
const CLOSED_NAME = '10TALLINN211.cable';
/** The workspace's configuration: CBL024 raised to an error, and an unknown rule the server must report in a message. */
const CONFIG = join(root, 'test', 'fixtures', 'editors', '.cablelint.jsonc');
/** What a server must show (window/showMessage) about CONFIG. */
const CONFIG_MESSAGE = 'Cable: 1 problem(s) in .cablelint.jsonc; see the Problems panel.';
/** Each editor run is stopped after this long. */
const EDITOR_TIMEOUT_MS = 60_000;
/** The hover target: "PREL" in "TAGS: PREL PGOV ENRG EN PREL" (0-based line 5, UTF-16 character 7). */
const HOVER = { line: 5, character: 7 };
/** The edit each editor types: the unknown marking "(N/SC)" after "¶2. " becomes "(C)". */
const EDIT = { line: 17, old: '(N/SC)', new: '(C)' };
/** The quick fix each editor asks for and applies after the edit: the second "PREL" of the TAGS line (CBL018, a safe fix). */
const FIX = { line: 5, character: 24, code: 'CBL018' };
/** The second cable each editor opens, named as Cablegate names them: the README's setups must give it the cable mode. */
const TXT_NAME = '10TALLINN207.txt';
/** A cable named by a hash, with two blank lines before its header: the README's Emacs and Neovim setups must give it the cable mode by its text. */
const HASH = join(root, 'test', 'fixtures', 'editors', '000_9b41c7e2d05a6f38.txt');
const HASH_NAME = '000_9b41c7e2d05a6f38.txt';
/** Prose in a .txt file, with a line starting "VZCZC" below its first: no setup may give it the cable mode. */
const NOTES = join(root, 'test', 'fixtures', 'editors', 'notes.txt');
const NOTES_NAME = 'notes.txt';

const run = checks();
const check = run.check;


/** Asserts two lists of strings are equal as sorted lists, naming what is missing and what is extra. */
function sameList(got, want, what) {
  const g = [...got].sort();
  const w = [...want].sort();
  const missing = w.filter((x) => !g.includes(x));
  const extra = g.filter((x) => !w.includes(x));
  assert(missing.length === 0 && extra.length === 0 && g.length === w.length, `${what}: missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)} (got ${JSON.stringify(got)})`);
}

/** `fn` run on the first call only: later calls return its value or throw its error again. */
function once(fn) {
  let done;
  return () => {
    if (!done) {
      try {
        done = { value: fn() };
      } catch (error) {
        done = { error };
      }
    }
    if (done.error) throw done.error;
    return done.value;
  };
}

/** The fenced code blocks of README's "Other editors" section, each with the paragraph line before it. */
function readmeSnippets() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Other editors\n'), readme.indexOf('\n## ', readme.indexOf('\n## Other editors\n') + 1));
  const blocks = [];
  const re = /([^\n]+)\n\n```(\w+)\n([\s\S]*?)```/g;
  for (let m = re.exec(section); m; m = re.exec(section)) blocks.push({ label: m[1], lang: m[2], code: m[3] });
  return blocks;
}

function snippet(lang, labelPattern) {
  const found = readmeSnippets().filter((b) => b.lang === lang && labelPattern.test(b.label));
  if (found.length !== 1) throw new Error(`README "Other editors" has ${found.length} ${lang} snippets labelled ${labelPattern}, not one`);
  return found[0].code;
}

/** `code` with its one commented-out line that starts with `key` uncommented, as the README tells the reader to. */
function uncomment(code, comment, key) {
  const lines = code.split('\n');
  const at = lines.map((l, i) => (l.trimStart().startsWith(`${comment} ${key}`) ? i : -1)).filter((i) => i >= 0);
  if (at.length !== 1) throw new Error(`${at.length} lines start with '${comment} ${key}', not one`);
  lines[at[0]] = lines[at[0]].replace(`${comment} `, '');
  return lines.join('\n');
}

/** `cablelint --format json` on a text, with the workspace's configuration: the diagnostics every editor must show. */
function expectedDiagnostics(text, dir, name = 'expected.cable') {
  const file = join(mkdtempSync(join(dir, 'expected-')), name);
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--format', 'json', '--config', CONFIG, file], { encoding: 'utf8' });
  return (JSON.parse(r.stdout)[0]?.diagnostics ?? []).map((d) => ({ code: d.id, severity: d.severity, message: d.message, line: d.range.start.line, character: d.range.start.character }));
}

/** `cablelint --fix` on a text, with the workspace's configuration: the text after its safe fixes. */
function fixedText(text, dir) {
  const file = join(mkdtempSync(join(dir, 'fixed-')), 'fixed.cable');
  writeFileSync(file, text);
  spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--fix', '--config', CONFIG, file], { encoding: 'utf8' });
  return readFileSync(file, 'utf8');
}

/** `cablelint outline`: "NAME@LINE" (1-based) for every symbol, as the editors list them. */
function expectedSymbols(file) {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'outline', file], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .slice(1)
    .map((l) => /^\s+(.*?)(?: {2}— .*)? {2}\[(\d+)\]$/.exec(l))
    .filter((m) => m)
    .map((m) => `${m[1]}@${m[2]}`);
}

/**
 * `cablelint extract` on a workspace, kept to the files the server's workspace index reads (`cable.index.include` and
 * `exclude` as package.json sets them by default; a `.txt` file named by a hash is not among them until it is opened):
 * the title of the code lens a cable's banner must have ("Cited by N cable(s)", N the other cables, each counted once
 * whatever the files holding it, whose REF items cite its id), the cables counted, and those citing it that the index leaves out.
 */
function expectedLens(ws, file) {
  const config = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes.configuration;
  const setting = (key) => [config].flat().map((c) => c.properties?.[key]?.default).find((d) => d);
  const included = picomatch(setting('cable.index.include'), { ignore: setting('cable.index.exclude'), dot: true });
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'extract', '.'], { cwd: ws, encoding: 'utf8' });
  const cables = r.stdout.split('\n').filter((l) => l.trim()).map((l) => ({ ...JSON.parse(l), path: resolve(ws, JSON.parse(l).file) }));
  const id = cables.find((c) => c.path === resolve(file))?.id;
  const citingAll = cables.filter((c) => c.path !== resolve(file) && c.id !== id && c.refs.some((ref) => ref.id === id));
  // Cables, not files: a citing cable filed twice counts once.
  const citing = [...new Set(citingAll.filter((c) => included(relative(ws, c.path))).map((c) => c.id ?? c.path))];
  const outside = citingAll.filter((c) => !included(relative(ws, c.path))).map((c) => c.id);
  return { id, citing, outside, title: `Cited by ${citing.length} cable${citing.length === 1 ? '' : 's'}` };
}

/** The UTF-8 byte column of a UTF-16 character offset on a line, as Neovim counts columns. */
function byteColumn(text, line, character) {
  return Buffer.byteLength(text.split('\n')[line].slice(0, character), 'utf8');
}

/** Installs the package the way `npm install -g` does, into `prefix`; returns its bin folder. */
function installPackage(dir) {
  const pack = spawnSync('npm', ['pack', '--pack-destination', dir, '--json'], { cwd: root, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const [packed] = JSON.parse(pack.stdout);
  // Only what runs is published (package.json "files", which the .vsix shares less the CLI bundles: scripts/package.mjs): no sources, tests or benchmarks. The
  // browser bundles (dist/web/) run in the browser from the .vsix, not from this package, and the pages of the Get
  // Started walkthrough (docs/walkthrough/) are shown by VS Code from it; no other part of docs/ is shipped. The CLI's
  // bundle comes with its V8 code cache (dist/cli-main.cache), which `cablelint` runs from (server/src/cliLoader.ts).
  const extra = packed.files.map((f) => f.path).filter((p) => !/^(dist\/[\w-]+\.js|dist\/cli-main\.cache|dist\/web\/(?:extension|server)\.js|syntaxes\/cable\.tmLanguage\.json|snippets\/cable\.json|schemas\/[\w.-]+\.json|images\/icon\.png|docs\/walkthrough\/[\w-]+\.md|language-configuration\.json|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(p));
  if (extra.length > 0) throw new Error(`npm pack ships files that do not run: ${extra.slice(0, 10).join(', ')}${extra.length > 10 ? ` and ${extra.length - 10} more` : ''}`);
  const tarball = join(dir, packed.filename);
  const prefix = join(dir, 'prefix');
  const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`npm install -g failed: ${install.stderr}`);
  return join(prefix, 'bin');
}

/** Runs an editor to completion or for {@link EDITOR_TIMEOUT_MS}; returns its status, output and time. */
function runEditor(command, args, options) {
  const started = Date.now();
  const r = spawnSync(command, args, { ...options, encoding: 'utf8', timeout: EDITOR_TIMEOUT_MS, killSignal: 'SIGKILL' });
  return { status: r.status, timedOut: r.error?.code === 'ETIMEDOUT', output: `${r.stdout ?? ''}${r.stderr ?? ''}`, seconds: (Date.now() - started) / 1000 };
}

/**
 * A fresh workspace holding the fixture, a copy named as Cablegate names cables, the cable named by a hash, the notes,
 * the cable never opened and .cablelint.jsonc.
 */
function workspace(dir, name) {
  const ws = join(dir, name);
  mkdirSync(ws, { recursive: true });
  copyFileSync(FIXTURE, join(ws, '10TALLINN207.cable'));
  copyFileSync(FIXTURE, join(ws, TXT_NAME));
  copyFileSync(HASH, join(ws, HASH_NAME));
  copyFileSync(NOTES, join(ws, NOTES_NAME));
  copyFileSync(CLOSED, join(ws, CLOSED_NAME));
  copyFileSync(CONFIG, join(ws, '.cablelint.jsonc'));
  return ws;
}

/** {@link workspace} in a Git repository, a project Emacs knows, as `M-x flymake-show-project-diagnostics` needs. */
function gitWorkspace(dir, name) {
  const ws = workspace(dir, name);
  const r = spawnSync('git', ['init', '-q'], { cwd: ws, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git init failed: ${r.stderr}`);
  return ws;
}

/** An environment with no user configuration: HOME and the XDG folders point into `dir`. */
function cleanEnv(dir, bin, extra) {
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  return { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share'), XDG_STATE_HOME: join(home, '.local', 'state'), XDG_CACHE_HOME: join(home, '.cache'), ...extra };
}

function readResult(file, run) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(run.timedOut ? `the editor did not finish within ${EDITOR_TIMEOUT_MS / 1000} s` : `the editor wrote no result (exit ${run.status}): ${run.output.slice(-800)}`);
  }
}

const started = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'cable-editors-'));
const text = readFileSync(FIXTURE, 'utf8');
const editedLines = text.split('\n');
editedLines[EDIT.line] = editedLines[EDIT.line].replace(EDIT.old, EDIT.new);
const want = expectedDiagnostics(text, dir);
const wantEdited = expectedDiagnostics(editedLines.join('\n'), dir);
const wantSymbols = expectedSymbols(FIXTURE);
// The quick fix comes after the edit: the buffer must then read as cablelint --fix leaves the edited text.
const wantFixed = fixedText(editedLines.join('\n'), dir);
const wantAfterFix = expectedDiagnostics(wantFixed, dir);
const wantTxt = expectedDiagnostics(text, dir, TXT_NAME);
const hashText = readFileSync(HASH, 'utf8');
const wantHash = expectedDiagnostics(hashText, dir, HASH_NAME);
const closedText = readFileSync(CLOSED, 'utf8');
const wantClosed = expectedDiagnostics(closedText, dir, CLOSED_NAME);
const env = { CABLE_HOVER: `${HOVER.line}:${HOVER.character}`, CABLE_EDIT: `${EDIT.line}:${EDIT.old}:${EDIT.new}`, CABLE_FIX: `${FIX.line}:${FIX.character}:${FIX.code}` };
let bin;

const version = (command) => spawnSync(command, ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? `${command} not found`;
console.log(`${version('emacs')}, ${version('nvim')}`);
console.log('\nthe package, installed as npm install -g does');
await check('npm pack holds only what runs, and npm install -g puts cable-language-server on PATH', () => {
  bin = installPackage(dir);
  const which = spawnSync('sh', ['-c', 'command -v cable-language-server'], { env: cleanEnv(dir, bin), encoding: 'utf8' });
  assert(which.stdout.trim() === join(bin, 'cable-language-server'), `cable-language-server resolves to '${which.stdout.trim()}'`);
});
await check('the fixture has the defects the editors must show', () => {
  // CBL029 starts after "¶2. ": character 4 in UTF-16, byte 5 in UTF-8, so a client that mixes them up is caught.
  assert(want.some((d) => d.code === 'CBL029' && d.line === 17 && d.character === 4), `cablelint: ${JSON.stringify(want)}`);
  // One of each severity the editors show differently; the error is CBL024, raised by the workspace's configuration.
  assert(JSON.stringify(want.map((d) => d.severity).sort()) === '["error","info","warning"]', `cablelint: ${JSON.stringify(want)}`);
  assert(want.some((d) => d.code === 'CBL024' && d.severity === 'error'), 'the configuration does not raise CBL024');
  assert(!wantEdited.some((d) => d.code === 'CBL029') && wantEdited.length === want.length - 1, `after the edit cablelint reports ${JSON.stringify(wantEdited)}`);
  // The quick fix is the one safe fix of the edited text, so cablelint --fix makes just that change: one line, and the finding gone.
  assert(wantEdited.some((d) => d.code === FIX.code && d.line === FIX.line && d.character === FIX.character), `no ${FIX.code} at ${FIX.line}:${FIX.character}: ${JSON.stringify(wantEdited)}`);
  const fixedLines = wantFixed.split('\n');
  const changed = editedLines.map((_, i) => i).filter((i) => editedLines[i] !== fixedLines[i]);
  assert(JSON.stringify(changed) === JSON.stringify([FIX.line]) && fixedLines.length === editedLines.length, `cablelint --fix changes lines ${JSON.stringify(changed)}`);
  assert(!wantAfterFix.some((d) => d.code === FIX.code) && wantAfterFix.length === wantEdited.length - 1, `after the fix cablelint reports ${JSON.stringify(wantAfterFix)}`);
  // The cable no editor opens: one finding, of a rule the open cable does not break.
  assert(JSON.stringify(wantClosed.map((d) => d.code)) === '["CBL028"]' && !want.some((d) => d.code === 'CBL028'), `cablelint on ${CLOSED_NAME}: ${JSON.stringify(wantClosed)}`);
  // The cable named by a hash: two blank lines, then the header, whose DE line (line 5) has the one finding, so the
  // server must have read the header past the blank lines.
  assert(/^\n\nVZCZC[A-Z]{3}\d{4}\n/.test(hashText), `${HASH_NAME} does not open with two blank lines and a VZCZC line`);
  assert(JSON.stringify(wantHash.map((d) => `${d.line} ${d.code}`)) === '["5 CBL005"]', `cablelint on ${HASH_NAME}: ${JSON.stringify(wantHash)}`);
  // The code lens: in a workspace as the editors get it, the open cable is cited by the closed one, which the index
  // reads, and by the one named by a hash, which it does not (until that is opened): one cable counted.
  const lens = expectedLens(workspace(dir, 'lens'), join(dir, 'lens', '10TALLINN207.cable'));
  assert(lens.id === '10TALLINN207' && JSON.stringify(lens.citing) === '["10TALLINN211"]' && JSON.stringify(lens.outside) === '["10TALLINN215"]', `cablelint extract: ${JSON.stringify(lens)}`);
  // The notes: a line below the first starts as a header does, which a check not held to the first non-blank line would take.
  const notes = readFileSync(NOTES, 'utf8').split('\n');
  assert(notes[0].trim() && !/^\s*VZCZC/.test(notes[0]) && notes.slice(1).some((l) => /^VZCZC[A-Z]{3}\d{4}/.test(l)), `${NOTES_NAME}: ${JSON.stringify(notes.slice(0, 4))}`);
});

// ---------------------------------------------------------------------------
// Emacs + eglot

console.log('\nEmacs + eglot (README elisp)');
{
  const ws = gitWorkspace(dir, 'emacs');
  const snippetFile = join(dir, 'readme-eglot.el');
  const out = join(dir, 'emacs.json');
  let seconds = '?';
  const run = once(() => {
    writeFileSync(snippetFile, snippet('elisp', /^Emacs \(eglot/));
    const r = runEditor('emacs', ['--batch', '--eval', '(package-activate-all)', '-l', snippetFile, '-l', join(here, 'eglot-check.el')], {
      cwd: ws,
      env: cleanEnv(join(dir, 'emacs-env'), bin, { ...env, CABLE_FILE: join(ws, '10TALLINN207.cable'), CABLE_TXT: join(ws, TXT_NAME), CABLE_HASH: join(ws, HASH_NAME), CABLE_NOTES: join(ws, NOTES_NAME), CABLE_CLOSED: join(ws, CLOSED_NAME), CABLE_SCOPE: 'openFiles', CABLE_OUT: out }),
    });
    seconds = r.seconds.toFixed(1);
    return readResult(out, r);
  });
  const TYPES = { error: 'eglot-error', warning: 'eglot-warning', info: 'eglot-note', hint: 'eglot-note' };
  const asEmacs = (list) => list.map((d) => `${d.line}:${d.character} ${TYPES[d.severity]} cable [${d.code}]: ${d.message}`);
  const fromEmacs = (list) => list.map((d) => `${d.line}:${d.character} ${d.type} ${d.text}`);
  await check('opens the cable in cable-mode and eglot connects to cable-language-server from PATH', () => {
    const e = run();
    assert(!e.error, `Emacs signalled ${e.error}`);
    assert(e.mode === 'cable-mode', `major mode ${e.mode}`);
    assert(e.managed, 'eglot did not manage the buffer');
    assert(JSON.stringify(e.command) === '["cable-language-server","--stdio"]', `server command ${JSON.stringify(e.command)}`);
    assert(e.serverInfo?.name === 'cable-language-server', `serverInfo ${JSON.stringify(e.serverInfo)}`);
  });
  await check('Flymake shows the diagnostics cablelint reports, with rule ids, lines and columns', () => sameList(fromEmacs(run().diagnostics ?? []), asEmacs(want), 'Flymake'));
  await check(`without the README's .dir-locals.el, once the server has read the workspace, eglot keeps nothing of ${CLOSED_NAME} (never visited) and M-x flymake-show-project-diagnostics lists none of it`, () => {
    const e = run();
    assert(e.indexed, 'the server never said it had read the workspace (cable/indexed)');
    assert(!e.closedVisited, `${CLOSED_NAME} was visited`);
    assert((e.closedKept ?? []).length === 0 && (e.closedListing ?? []).length === 0, `kept ${JSON.stringify(e.closedKept)}, listed ${JSON.stringify(e.closedListing)}`);
  });
  await check('eglot 1.9 announces no code lens support and asks for no code lens, so Emacs shows none (as README says)', () => {
    const events = run().events ?? '';
    const initialize = /:method "initialize"[\s\S]*?(?=\n\[)/.exec(events)?.[0];
    assert(initialize && /:capabilities/.test(initialize) && /:hover/.test(initialize), `no initialize request with its capabilities in the eglot events: ${initialize}`);
    assert(!/codeLens/i.test(initialize), `eglot's initialize request mentions code lenses: ${initialize}`);
    assert(!/:method "textDocument\/codeLens"/.test(events), 'eglot asked for code lenses');
  });
  await check('imenu lists the document symbols of cablelint outline', () => sameList((run().symbols ?? []).map((s) => `${s.name}@${s.line}`), wantSymbols, 'imenu'));
  await check('hover on a TAG explains it, in plain text since eglot asks for plain text here', () => {
    const h = run().hover ?? '';
    assert(/^TAG PREL\n/.test(h) && /PREL: subject TAG, category P/.test(h), `hover ${JSON.stringify(h)}`);
    assert(!/\*\*|\\[\\`*_[\]<>~|#]/.test(h), `hover shows Markdown markup: ${JSON.stringify(h)}`);
  });
  await check('an edit after a pilcrow reaches the server where Emacs made it', () => sameList(fromEmacs(run().editedDiagnostics ?? []), asEmacs(wantEdited), 'Flymake after the edit'));
  await check(`the quick fix for ${FIX.code}, run by eglot, changes the buffer as cablelint --fix changes the file, and nothing else`, () => {
    const e = run();
    assert(!e.fixError, `eglot: ${e.fixError}`);
    assert(e.fixTitle, `no quick fix but "Disable": ${JSON.stringify(e.fixTitles)}`);
    assert(e.fixedText === wantFixed, `the buffer reads ${JSON.stringify(e.fixedText)}`);
    assert(JSON.stringify(e.modified) === JSON.stringify([join(ws, '10TALLINN207.cable')]), `modified buffers ${JSON.stringify(e.modified)}`);
    assert(readFileSync(join(ws, '.cablelint.jsonc'), 'utf8') === readFileSync(CONFIG, 'utf8'), '.cablelint.jsonc changed');
    sameList(fromEmacs(e.fixedDiagnostics ?? []), asEmacs(wantAfterFix), 'Flymake after the fix');
  });
  await check(`a Cablegate-named .txt cable (${TXT_NAME}) opens in cable-mode, joins the same server and gets its diagnostics`, () => {
    const e = run();
    assert(e.txtMode === 'cable-mode' && e.txtSameServer, `major mode ${e.txtMode}, same server ${e.txtSameServer}`);
    sameList(fromEmacs(e.txtDiagnostics ?? []), asEmacs(wantTxt), `Flymake in ${TXT_NAME}`);
  });
  await check(`a .txt cable named by a hash (${HASH_NAME}), two blank lines before its VZCZC header, opens in cable-mode by its text, joins the same server and gets its diagnostics`, () => {
    const e = run();
    assert(e.hashMode === 'cable-mode' && e.hashSameServer, `major mode ${e.hashMode}, same server ${e.hashSameServer}`);
    sameList(fromEmacs(e.hashDiagnostics ?? []), asEmacs(wantHash), `Flymake in ${HASH_NAME}`);
  });
  await check(`a .txt file of prose (${NOTES_NAME}) with a VZCZC line below its first stays in text-mode, and eglot leaves it alone`, () => {
    const e = run();
    assert(e.notesMode === 'text-mode' && e.notesManaged === false, `major mode ${e.notesMode}, managed by eglot ${e.notesManaged}`);
  });
  await check('the configuration problem shows as a message, not a prompt (window/showMessage)', () => {
    const e = run();
    assert((e.messages ?? '').includes(`[eglot] Server reports (type=2): ${CONFIG_MESSAGE}`), `*Messages*: ${e.messages}`);
    assert(!(e.events ?? '').includes('window/showMessageRequest'), 'the server sent window/showMessageRequest, which eglot answers with a prompt');
  });
  await check('shutdown answered, no JSON-RPC error, no error or warning in the log, nothing on the server stderr or in *Messages* but the connection, the quick fix and that message', () => {
    const e = run();
    const errors = (e.events ?? '').split('\n').filter((l) => /:error\b/.test(l));
    assert(errors.length === 0, `eglot events: ${errors.join(' | ')}`);
    const shutdown = /:id (\d+) :method "shutdown"/.exec(e.events ?? '')?.[1];
    assert(shutdown && new RegExp(`\\[server-reply\\] \\(id:${shutdown}\\)[^\\n]*\\n\\(:jsonrpc "2.0" :id ${shutdown} :result nil\\)`).test(e.events), 'no answer to shutdown in the eglot events');
    // window/logMessage and window/showMessage of type 1 (error) or 2 (warning), but the one about the configuration.
    const warnings = [...(e.events ?? '').matchAll(/"window\/(?:log|show)Message" :params\s*\(:type [12] :message "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).filter((m) => m !== CONFIG_MESSAGE);
    assert(warnings.length === 0, `server messages: ${warnings.join(' | ')}`);
    // Emacs adds "Process … stderr finished" to the buffer when the server exits.
    const stderr = (e.stderr ?? '').split('\n').filter((l) => l.trim() && !/^Process EGLOT .* stderr finished$/.test(l));
    assert(stderr.length === 0, `server stderr: ${stderr.join(' | ')}`);
    const unexpected = (e.messages ?? '').split('\n').filter((l) => l && !/^Loading .*site-start|^\[eglot\] (Connected!|Asking .* politely to terminate|applying 1 edits to `10TALLINN207\.cable'\.\.\.done|Edit successful!)|^\[jsonrpc\] Server exited/.test(l) && !l.endsWith(CONFIG_MESSAGE));
    assert(unexpected.length === 0, `*Messages*: ${unexpected.join(' | ')}`);
  });
  console.log(`  (${seconds} s)`);

  console.log('\nEmacs + eglot, closed cables too (README elisp and .dir-locals.el)');
  const scopeWs = gitWorkspace(dir, 'emacs-scope');
  const scopeOut = join(dir, 'emacs-scope.json');
  const scopeRun = once(() => {
    writeFileSync(snippetFile, snippet('elisp', /^Emacs \(eglot/));
    writeFileSync(join(scopeWs, '.dir-locals.el'), snippet('elisp', /\.dir-locals\.el/));
    const r = runEditor('emacs', ['--batch', '--eval', '(package-activate-all)', '-l', snippetFile, '-l', join(here, 'eglot-check.el')], {
      cwd: scopeWs,
      env: cleanEnv(join(dir, 'emacs-scope-env'), bin, { ...env, CABLE_FILE: join(scopeWs, '10TALLINN207.cable'), CABLE_CLOSED: join(scopeWs, CLOSED_NAME), CABLE_SCOPE: 'workspace', CABLE_CLOSED_ONLY: '1', CABLE_OUT: scopeOut }),
    });
    seconds = r.seconds.toFixed(1);
    return readResult(scopeOut, r);
  });
  // eglot keeps a finding of a file not visited as "SOURCE [CODE]: MESSAGE"; the project listing shows it as
  // "FILE LINE COLUMN TYPE BACKEND TEXT" (the line 1-based; the column is eglot's, not checked).
  const FLYMAKE_TYPES = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
  await check('eglot manages the cable and Flymake shows its diagnostics, with the settings of .dir-locals.el', () => {
    const e = scopeRun();
    assert(!e.error, `Emacs signalled ${e.error}`);
    assert(e.managed, 'eglot did not manage the buffer');
    sameList(fromEmacs(e.diagnostics ?? []), asEmacs(want), 'Flymake');
  });
  await check(`eglot keeps the findings of ${CLOSED_NAME}, never visited, as cablelint reports them`, () => {
    const e = scopeRun();
    assert(!e.closedVisited, `${CLOSED_NAME} was visited`);
    sameList(e.closedKept ?? [], wantClosed.map((d) => `cable [${d.code}]: ${d.message}`), `flymake-list-only-diagnostics for ${CLOSED_NAME}`);
  });
  await check('M-x flymake-show-project-diagnostics lists them', () => {
    const rows = (scopeRun().closedListing ?? []).map((row) => {
      const [file, line, , type, , ...text] = row.split(' ');
      return `${file} ${line} ${type} ${text.join(' ')}`;
    });
    sameList(rows, wantClosed.map((d) => `${CLOSED_NAME} ${d.line + 1} ${FLYMAKE_TYPES[d.severity]} cable [${d.code}]: ${d.message}`), 'the project listing');
  });
  console.log(`  (${seconds} s)`);
}

// ---------------------------------------------------------------------------
// Neovim 0.7 + built-in LSP

console.log('\nNeovim 0.7 (README snippet for 0.7 to 0.10)');
{
  const ws = workspace(dir, 'nvim');
  const txt = join(ws, TXT_NAME);
  const snippetFile = join(dir, 'readme-nvim.lua');
  const out = join(dir, 'nvim.json');
  let seconds = '?';
  const run = once(() => {
    writeFileSync(snippetFile, snippet('lua', /^Neovim 0\.7 to/));
    const file = join(ws, '10TALLINN207.cable');
    const r = runEditor('nvim', ['--headless', '-i', 'NONE', '-u', snippetFile, '-c', `luafile ${join(here, 'nvim-check.lua')}`, file], {
      cwd: ws,
      env: cleanEnv(join(dir, 'nvim-env'), bin, { ...env, CABLE_TXT: txt, CABLE_HASH: join(ws, HASH_NAME), CABLE_NOTES: join(ws, NOTES_NAME), CABLE_CLOSED: join(ws, CLOSED_NAME), CABLE_SCOPE: 'openFiles', CABLE_OUT: out }),
    });
    seconds = r.seconds.toFixed(1);
    return readResult(out, r);
  });
  const SEVERITIES = { error: 1, warning: 2, info: 3, hint: 4 };
  // Neovim counts columns in bytes: "¶" is one UTF-16 unit and two bytes.
  const asNvim = (list, source) => list.map((d) => `${d.line}:${byteColumn(source, d.line, d.character)} ${SEVERITIES[d.severity]} cable ${d.code}: ${d.message}`);
  const fromNvim = (list) => list.map((d) => `${d.line}:${d.col} ${d.severity} ${d.source} ${d.code}: ${d.message}`);
  await check('opens the cable with filetype cable and attaches cable-language-server from PATH', () => {
    const n = run();
    assert(!n.error, `Neovim raised ${n.error}`);
    assert(n.filetype === 'cable', `filetype '${n.filetype}'`);
    assert(n.attached, 'no client attached');
    assert(JSON.stringify(n.command) === '["cable-language-server","--stdio"]', `server command ${JSON.stringify(n.command)}`);
  });
  await check('vim.diagnostic holds the diagnostics cablelint reports, with rule ids, lines and byte columns', () => sameList(fromNvim(run().diagnostics ?? []), asNvim(want, text), 'vim.diagnostic'));
  await check(`with the settings line left commented, once the server has read the workspace, vim.diagnostic holds nothing for ${CLOSED_NAME} (never opened) and vim.diagnostic.setqflist() lists none of it`, () => {
    const n = run();
    assert(n.indexed, 'the server never said it had read the workspace (cable/indexed)');
    assert((n.closedDiagnostics ?? []).length === 0 && (n.closedQuickfix ?? []).length === 0, `vim.diagnostic ${JSON.stringify(n.closedDiagnostics)}, quickfix ${JSON.stringify(n.closedQuickfix)}`);
  });
  await check('after vim.lsp.codelens.refresh(), once the server has read the workspace, the banner has one code lens counting the cables of the workspace index that cite it in cablelint extract, and Neovim shows its title', () => {
    const n = run();
    const lens = expectedLens(ws, join(ws, '10TALLINN207.cable'));
    const banner = text.split('\n').findIndex((l) => /^C O N F I D E N T I A L TALLINN 000207$/.test(l));
    assert(n.indexed, 'the server never said it had read the workspace (cable/indexed)');
    assert(JSON.stringify(n.lenses) === JSON.stringify([{ line: banner, title: lens.title, command: 'cable.showCitingCables' }]), `vim.lsp.codelens.get(): ${JSON.stringify(n.lenses)}, want "${lens.title}" on line ${banner}`);
    assert(JSON.stringify(n.lensText) === JSON.stringify([{ line: banner, text: lens.title }]), `virtual text ${JSON.stringify(n.lensText)}`);
  });
  await check('document symbols list cablelint outline', () => sameList((run().symbols ?? []).map((s) => `${s.name.replace(/^\[\w+\] /, '')}@${s.line}`), wantSymbols, 'document symbols'));
  await check('hover on a TAG explains it in Markdown, which Neovim asks for', () => {
    const n = run();
    assert(!n.hoverError, `hover error ${n.hoverError}`);
    assert(n.hoverKind === 'markdown' && n.hover?.[0] === '**TAG PREL**' && n.hover.some((l) => /PREL: subject TAG, category P/.test(l)), `hover ${JSON.stringify(n.hover)}`);
  });
  await check('an edit after a pilcrow reaches the server where Neovim made it', () => sameList(fromNvim(run().editedDiagnostics ?? []), asNvim(wantEdited, editedLines.join('\n')), 'vim.diagnostic after the edit'));
  await check(`the quick fix for ${FIX.code}, applied as vim.lsp.buf.code_action applies it, changes the buffer as cablelint --fix changes the file, and nothing else`, () => {
    const n = run();
    assert(!n.fixError, `code action: ${n.fixError}`);
    assert(n.fixTitle, `no quick fix but "Disable": ${JSON.stringify(n.fixTitles)}`);
    assert(n.fixedText === wantFixed, `the buffer reads ${JSON.stringify(n.fixedText)}`);
    assert(JSON.stringify(n.modified) === JSON.stringify([join(ws, '10TALLINN207.cable')]), `modified buffers ${JSON.stringify(n.modified)}`);
    assert(readFileSync(join(ws, '.cablelint.jsonc'), 'utf8') === readFileSync(CONFIG, 'utf8'), '.cablelint.jsonc changed');
    sameList(fromNvim(n.fixedDiagnostics ?? []), asNvim(wantAfterFix, wantFixed), 'vim.diagnostic after the fix');
  });
  await check(`a Cablegate-named .txt cable (${TXT_NAME}) gets filetype cable, joins the same client and gets its diagnostics`, () => {
    const n = run();
    assert(n.txtFiletype === 'cable' && n.txtSameClient && n.clients === 1, `filetype '${n.txtFiletype}', same client ${n.txtSameClient}, ${n.clients} client(s)`);
    sameList(fromNvim(n.txtDiagnostics ?? []), asNvim(wantTxt, text), `vim.diagnostic in ${TXT_NAME}`);
  });
  await check(`a .txt cable named by a hash (${HASH_NAME}), two blank lines before its VZCZC header, gets filetype cable by its text, joins the same client and gets its diagnostics`, () => {
    const n = run();
    assert(n.hashFiletype === 'cable' && n.hashSameClient, `filetype '${n.hashFiletype}', same client ${n.hashSameClient}`);
    sameList(fromNvim(n.hashDiagnostics ?? []), asNvim(wantHash, hashText), `vim.diagnostic in ${HASH_NAME}`);
  });
  await check(`a .txt file of prose (${NOTES_NAME}) with a VZCZC line below its first gets filetype text and no client`, () => {
    const n = run();
    assert(n.notesFiletype === 'text' && n.notesClients === 0, `filetype '${n.notesFiletype}', ${n.notesClients} client(s)`);
  });
  await check('the configuration problem shows as a message, not a prompt (window/showMessage), and nothing else does', () => {
    const n = run();
    assert(n.messages === `LSP[cable][Warning] ${CONFIG_MESSAGE}`, `:messages: ${JSON.stringify(n.messages)}`);
  });
  await check('the client stops cleanly, with nothing in the LSP log', () => {
    const n = run();
    assert(n.stopped, 'the client did not stop');
    assert((n.log ?? '') === '', `lsp.log: ${n.log}`);
  });
  console.log(`  (${seconds} s)`);

  console.log('\nNeovim 0.7, closed cables too (README snippet for 0.7 to 0.10, its settings line uncommented)');
  const scopeWs = workspace(dir, 'nvim-scope');
  const scopeOut = join(dir, 'nvim-scope.json');
  const scopeSnippet = join(dir, 'readme-nvim-scope.lua');
  const scopeRun = once(() => {
    writeFileSync(scopeSnippet, uncomment(snippet('lua', /^Neovim 0\.7 to/), '--', 'settings ='));
    const r = runEditor('nvim', ['--headless', '-i', 'NONE', '-u', scopeSnippet, '-c', `luafile ${join(here, 'nvim-check.lua')}`, join(scopeWs, '10TALLINN207.cable')], {
      cwd: scopeWs,
      env: cleanEnv(join(dir, 'nvim-scope-env'), bin, { ...env, CABLE_CLOSED: join(scopeWs, CLOSED_NAME), CABLE_SCOPE: 'workspace', CABLE_CLOSED_ONLY: '1', CABLE_OUT: scopeOut }),
    });
    seconds = r.seconds.toFixed(1);
    return readResult(scopeOut, r);
  });
  await check('the client attaches and vim.diagnostic holds the diagnostics of the open cable', () => {
    const n = scopeRun();
    assert(!n.error, `Neovim raised ${n.error}`);
    assert(n.attached, 'no client attached');
    sameList(fromNvim(n.diagnostics ?? []), asNvim(want, text), 'vim.diagnostic');
  });
  await check(`vim.diagnostic holds the findings of ${CLOSED_NAME}, never opened (its buffer not loaded), as cablelint reports them`, () => {
    const n = scopeRun();
    assert(n.closedLoaded === false, `the buffer of ${CLOSED_NAME} is loaded`);
    sameList(fromNvim(n.closedDiagnostics ?? []), asNvim(wantClosed, closedText), `vim.diagnostic for ${CLOSED_NAME}`);
  });
  await check('vim.diagnostic.setqflist() lists them in the quickfix list', () => {
    const n = scopeRun();
    sameList((n.closedQuickfix ?? []).map((q) => `${q.line}: ${q.text}`), wantClosed.map((d) => `${d.line + 1}: ${d.message}`), `quickfix items of ${CLOSED_NAME}`);
  });
  await check('the client stops cleanly', () => assert(scopeRun().stopped, 'the client did not stop'));
  await check("the 0.11 snippet's file type lines (the content check for .txt files among them) are those of the 0.7 snippet, run above", () => {
    // The lines before the client's: in the 0.7 snippet after its do_filetype_lua line, in the 0.11 snippet from its start.
    const old = snippet('lua', /^Neovim 0\.7 to/).split('\n');
    const current = snippet('lua', /^Neovim 0\.11/).split('\n');
    const from = old.findIndex((l) => l.startsWith('vim.g.do_filetype_lua')) + 1;
    const to = old.findIndex((l) => l.startsWith('local cable_clients'));
    const lines = old.slice(from, to);
    assert(from > 0 && lines.some((l) => l.startsWith('vim.filetype.add(')) && lines.some((l) => l.includes('nvim_buf_get_lines')), `0.7 file type lines: ${JSON.stringify(lines)}`);
    assert(JSON.stringify(current.slice(0, lines.length)) === JSON.stringify(lines), `0.11 opens with ${JSON.stringify(current.slice(0, lines.length))}`);
  });
  await check("the 0.11 snippet's commented settings are those of the 0.7 snippet", () => {
    const old = /^\s*-- settings = (\{.*\}),/m.exec(snippet('lua', /^Neovim 0\.7 to/))?.[1];
    const current = /^-- vim\.lsp\.config\('cable', \{ settings = (\{.*\}) \}\)/m.exec(snippet('lua', /^Neovim 0\.11/))?.[1];
    assert(old && old === current, `0.7: ${old}, 0.11: ${current}`);
  });
  console.log(`  (${seconds} s)`);
}

// ---------------------------------------------------------------------------
// Helix: not installed here, so only its configuration is checked.

console.log('\nHelix (README languages.toml; Helix itself is not run)');
{
  // The keys Helix documents for [language-server.NAME] and [[language]] (book: languages.md).
  const SERVER_KEYS = ['command', 'args', 'config', 'timeout', 'environment', 'required-root-patterns'];
  const LANGUAGE_KEYS = ['name', 'language-id', 'scope', 'injection-regex', 'file-types', 'shebangs', 'roots', 'auto-format', 'diagnostic-severity', 'comment-token', 'comment-tokens', 'block-comment-tokens', 'indent', 'grammar', 'formatter', 'soft-wrap', 'text-width', 'workspace-lsp-roots', 'persistent-diagnostic-sources', 'language-servers', 'rulers', 'path-completion', 'word-completion', 'auto-pairs', 'debugger'];
  let toml;
  await check('the snippet parses as TOML with only keys Helix documents', () => {
    toml = parseToml(snippet('toml', /Helix/));
    const server = toml['language-server']?.cable;
    assert(server && typeof server.command === 'string' && Array.isArray(server.args), `[language-server.cable] ${JSON.stringify(server)}`);
    for (const k of Object.keys(server)) assert(SERVER_KEYS.includes(k), `[language-server.cable] has '${k}'`);
    const language = toml.language?.find((l) => l.name === 'cable');
    assert(language, 'no [[language]] named cable');
    for (const k of Object.keys(language)) assert(LANGUAGE_KEYS.includes(k), `[[language]] has '${k}'`);
    assert(typeof language.scope === 'string' && Array.isArray(language['file-types']) && language['file-types'].includes('cable'), `[[language]] ${JSON.stringify(language)}`);
    assert(JSON.stringify(language['language-servers']) === '["cable"]', `language-servers ${JSON.stringify(language['language-servers'])}`);
  });
  await check('a glob in file-types gives Cablegate-named .txt files the language, as the VS Code extension\'s filenamePatterns do', () => {
    const language = toml?.language?.find((l) => l.name === 'cable');
    const globs = (language?.['file-types'] ?? []).filter((t) => typeof t === 'object').map((t) => t.glob);
    const patterns = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes.languages.find((l) => l.id === 'cable').filenamePatterns;
    assert(JSON.stringify(globs) === JSON.stringify(patterns), `file-types globs ${JSON.stringify(globs)}, filenamePatterns ${JSON.stringify(patterns)}`);
    // Helix matches a glob against the whole path, with "*/" put in front of one that is not absolute; its "*"
    // crosses folders, as picomatch's "**/" does.
    const matches = picomatch(`**/${globs[0]}`);
    for (const p of ['/cables/10TALLINN207.txt', '/09PARIS1039.txt']) assert(matches(p), `the glob does not match ${p}`);
    // Nor a cable named by a hash: Helix cannot tell it by its text, as the README says.
    for (const p of ['/cables/notes.txt', '/cables/10TALLINN207.cable', '/cables/2010.txt', `/cables/${HASH_NAME}`]) assert(!matches(p), `the glob matches ${p}`);
  });
  await check('its command and args start the server from PATH, which answers initialize over stdio', () => helixHandshake(toml));
  await check(`as written, a client answering the settings request as Helix does gets no findings of ${CLOSED_NAME}, never opened`, async () => {
    assert(!('config' in (toml?.['language-server']?.cable ?? {})), `[language-server.cable] has a config: ${JSON.stringify(toml?.['language-server']?.cable)}`);
    const got = await helixClosedFindings(toml?.['language-server']?.cable, workspace(dir, 'helix'));
    assert(got.indexed, 'the server never said it had read the workspace (cable/indexed)');
    assert(got.findings.length === 0, `findings ${JSON.stringify(got.findings)}`);
  });
  await check(`with its config line uncommented, that client gets the findings of ${CLOSED_NAME} as cablelint reports them`, async () => {
    const server = parseToml(uncomment(snippet('toml', /Helix/), '#', 'config ='))['language-server'].cable;
    for (const k of Object.keys(server)) assert(SERVER_KEYS.includes(k), `[language-server.cable] has '${k}'`);
    const got = await helixClosedFindings(server, workspace(dir, 'helix-scope'));
    sameList(got.findings, wantClosed.map((d) => `${d.line}:${d.character} ${d.code}: ${d.message}`), `findings of ${CLOSED_NAME}`);
  });
}

/**
 * Starts the server of a Helix `[language-server.cable]` table in the workspace `ws` as a client that answers
 * workspace/configuration as Helix does (its `config`, walked down the parts of each section, or null); returns
 * whether the server said it had read the workspace (within 10 s), and "LINE:CHARACTER CODE: MESSAGE" for each
 * finding of {@link CLOSED_NAME} it had sent by then.
 */
async function helixClosedFindings(server, ws) {
  const child = spawn(server.command, server.args, { env: cleanEnv(join(dir, 'helix-env'), bin), stdio: ['pipe', 'pipe', 'pipe'] });
  // A command that cannot be started fails the check instead of ending the run with an unhandled 'error' event.
  const failed = new Promise((_, reject) => child.on('error', reject));
  failed.catch(() => {});
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const found = new Map();
  let indexed;
  const done = new Promise((resolvePromise) => (indexed = resolvePromise));
  connection.onNotification('textDocument/publishDiagnostics', (p) => found.set(p.uri, p.diagnostics));
  connection.onNotification('cable/indexed', () => indexed(true));
  connection.onRequest((method, params) => {
    if (method !== 'workspace/configuration') return null;
    return params.items.map((item) => (item.section ? item.section.split('.') : []).reduce((c, part) => c?.[part] ?? null, server.config ?? null));
  });
  connection.listen();
  const uri = pathToFileURL(ws).href;
  const timer = setTimeout(() => indexed(false), 10_000);
  try {
    await Promise.race([failed, connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'helix' }], capabilities: { workspace: { configuration: true, workspaceFolders: true } } })]);
    await connection.sendNotification('initialized', {});
    const opened = join(ws, '10TALLINN207.cable');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(opened).href, languageId: 'cable', version: 0, text: readFileSync(opened, 'utf8') } });
    const wasIndexed = await Promise.race([failed, done]);
    return { indexed: wasIndexed, findings: (found.get(pathToFileURL(join(ws, CLOSED_NAME)).href) ?? []).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}: ${d.message}`) };
  } finally {
    clearTimeout(timer);
    connection.dispose();
    child.kill();
  }
}

/** Starts `command args` from the Helix snippet as Helix would and sends initialize over stdio. */
function helixHandshake(toml) {
  return new Promise((resolvePromise, reject) => {
    if (!toml) return reject(new Error('no snippet'));
    const server = toml['language-server'].cable;
    const child = spawn(server.command, server.args, { env: cleanEnv(join(dir, 'helix-env'), bin), stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('no answer to initialize within 10 s'));
    }, 10_000);
    let data = '';
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.stdout.on('data', (d) => {
      data += d;
      const body = data.slice(data.indexOf('\r\n\r\n') + 4);
      if (data.includes('\r\n\r\n') && Buffer.byteLength(body) >= Number(/Content-Length: (\d+)/.exec(data)?.[1] ?? Infinity)) {
        clearTimeout(timer);
        child.kill();
        const reply = JSON.parse(body);
        if (reply.result?.capabilities?.hoverProvider) resolvePromise();
        else reject(new Error(`initialize answered ${body.slice(0, 200)}`));
      }
    });
    const message = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
  });
}

if (run.failed === 0) rmSync(dir, { recursive: true, force: true });
else console.log(`\nwhat the editors saw is kept in ${dir} (emacs.json, nvim.json)`);
console.log(`\neditors finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
run.finish();
