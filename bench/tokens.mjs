#!/usr/bin/env node
// Semantic tokens over stdio against dist/server.js, for 100 KB, 1 MB and 10 MB cables made by concatenating
// real ones in memory (never written to the project): after a one-character edit in a line of text in the middle
// (an incremental didChange, as an editor sends while typing), the time of each semantic-token request the server
// offers (`full`; `full/delta` against the last result and `range` over 60 lines around the edit when it offers
// them), p50 and p95, and its answer's size as JSON. Each request follows an edit of its own, so each time includes
// the parse of the edited text, as the editor's first request after an edit does; the time with the parse already
// made (a second request of the same version) is printed too. Then folding ranges, timed the same way, against
// publishDiagnostics after an edit (as bench/latency.mjs), with cable.largeFileThreshold raised so that the server
// answers folding for the 10 MB document. Last, with no server path given, the same work in this process in
// processor time, on the 10 MB document, against the parse and the rules that the diagnostics of an edit cost.
// With --in-process, only that last part, with ranges of 60 lines at 200 places through the document timed too.
// Usage: npm run build && node bench/tokens.mjs [path/to/server.js | --in-process]
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import * as esbuild from 'esbuild';
import { corpusFiles, root, tmp } from './common.mjs';

const inProcess = process.argv[2] === '--in-process';
const server = process.argv[2] && !inProcess ? resolve(process.argv[2]) : join(root, 'dist', 'server.js');
const joined = corpusFiles().map((f) => readFileSync(f, 'utf8')).join('\n\n');
const make = (size) => joined.repeat(Math.ceil(size / joined.length)).slice(0, size);
const pct = (a, p) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * p))];
if (!inProcess) await overStdio();

async function overStdio() {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let pending;
  conn.onNotification('textDocument/publishDiagnostics', (p) => { if (pending && p.uri === pending.uri && p.version === pending.version) { pending.resolve(); pending = undefined; } });
  // cable.largeFileThreshold raised past the 10 MB document, as it was when folding was off above it (only the preview is cut there now).
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ largeFileThreshold: 1e9 })));
  conn.onRequest(() => null);
  conn.listen();
  const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
  const provider = init.capabilities.semanticTokensProvider;
  const modes = ['full', ...(provider.full?.delta ? ['delta'] : []), ...(provider.range ? ['range'] : [])];
  console.log(`server: ${server}; semantic token requests offered: ${modes.join(', ')}`);

  const bytes = (value) => Buffer.byteLength(JSON.stringify(value));
  const kb = (n) => `${(n / 1024).toFixed(n < 10240 ? 2 : 0)} KB`;

  for (const [label, size, runs] of [['100 KB', 1e5, 20], ['1 MB', 1e6, 15], ['10 MB', 1e7, 7]]) {
    const text = make(size);
    const uri = `file:///bench/tokens${label.replace(' ', '')}.cable`;
    const lines = text.split(/\r\n|\r|\n/);
    // The edit: the 30th character of the first line of at least 40 characters past the middle, replaced by a letter,
    // as typing in a paragraph's text does.
    let middle = lines.length >> 1;
    while (lines[middle].length < 40) middle++;
    const at = { start: { line: middle, character: 29 }, end: { line: middle, character: 30 } };
    let version = 1;
    let done = new Promise((resolve) => (pending = { uri, version, resolve }));
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version, text } });
    await done;
    const validated = () => new Promise((resolve) => (pending = { uri, version, resolve }));
    const edit = () => conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: at, text: version % 2 ? 'Q' : 'Z' }] });
    const time = async (method, params) => {
      const start = performance.now();
      const result = await conn.sendRequest(method, params);
      return { ms: performance.now() - start, result };
    };
    let last = (await time('textDocument/semanticTokens/full', { textDocument: { uri } })).result;
    const out = [`${label} (${last.data.length / 5} tokens, ${lines.length} lines):`];
    for (const mode of modes) {
      const edited = [];
      const again = [];
      const sizes = [];
      for (let r = 0; r < runs; r++) {
        await edit();
        const diagnosed = validated();
        const ask = () =>
          mode === 'full'
            ? time('textDocument/semanticTokens/full', { textDocument: { uri } })
            : mode === 'delta'
              ? time('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: last.resultId })
              : time('textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: Math.max(0, middle - 30), character: 0 }, end: { line: middle + 30, character: 0 } } });
        const first = await ask();
        edited.push(first.ms);
        sizes.push(bytes(first.result));
        if (first.result.resultId) last = first.result;
        // Once the edit's diagnostics are out, the server is idle again: the same version asked for again.
        await diagnosed;
        const second = await ask();
        again.push(second.ms);
        if (second.result.resultId) last = second.result;
      }
      out.push(`  ${mode.padEnd(5)} after an edit p50 ${pct(edited, 0.5).toFixed(1)} ms, p95 ${pct(edited, 0.95).toFixed(1)} ms; parse made p50 ${pct(again, 0.5).toFixed(1)} ms; answer ${kb(pct(sizes, 0.5))} of JSON`);
    }
    // Folding after an edit, and the diagnostics of an edit (the 150 ms debounce subtracted), for comparison.
    const folding = [];
    const foldingAgain = [];
    const diagnostics = [];
    let ranges = 0;
    for (let r = 0; r < runs; r++) {
      await edit();
      const diagnosed = validated();
      const first = await time('textDocument/foldingRange', { textDocument: { uri } });
      folding.push(first.ms);
      ranges = first.result.length;
      await diagnosed;
      foldingAgain.push((await time('textDocument/foldingRange', { textDocument: { uri } })).ms);
      const start = performance.now();
      await edit();
      await validated();
      diagnostics.push(performance.now() - start - 150);
    }
    out.push(`  folding after an edit p50 ${pct(folding, 0.5).toFixed(1)} ms, p95 ${pct(folding, 0.95).toFixed(1)} ms; parse made p50 ${pct(foldingAgain, 0.5).toFixed(1)} ms (${ranges} ranges); diagnostics after an edit p50 ${pct(diagnostics, 0.5).toFixed(1)} ms`);
    console.log(out.join('\n'));
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
}
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();
child.kill();
}

// The same work in this process, in processor time (user + system, which another process on the machine
// disturbs less than the clock): the working tree's features bundled, on the 10 MB document.
if (!process.argv[2] || inProcess) {
  const entry = join(tmp, 'tokens-entry.ts');
  mkdirSync(tmp, { recursive: true });
  writeFileSync(entry, [
    "export { parseCable } from '../../server/src/core/parse/index';",
    "export { lintCable } from '../../server/src/core/lint';",
    "export { toDiagnostic } from '../../server/src/features/diagnostics';",
    "export { getFoldingRanges } from '../../server/src/features/folding';",
    "export { getSemanticTokens, getSemanticTokensInRange } from '../../server/src/features/semanticTokens';",
    "export { SemanticTokenResults } from '../../server/src/features/semanticTokenResults';",
    "export { getSelectionRanges } from '../../server/src/features/selectionRanges';",
    "export { getDocumentHighlights } from '../../server/src/features/references';",
    "export { getInlayHints } from '../../server/src/features/inlayHints';",
    "export { defaultDictionaries } from '../../server/src/features/dictionaries';",
  ].join('\n'));
  await esbuild.build({ entryPoints: [entry], outfile: join(tmp, 'tokens.cjs'), bundle: true, platform: 'node', format: 'cjs', minify: true, mainFields: ['module', 'main'], logLevel: 'error' });
  const f = createRequire(import.meta.url)(join(tmp, 'tokens.cjs'));
  const text = make(1e7);
  const edited = text.slice(0, text.length >> 1) + 'Q' + text.slice((text.length >> 1) + 1);
  const cpu = (fn, runs = 9) => {
    const times = [];
    for (let r = 0; r < runs; r++) {
      const start = process.cpuUsage();
      fn(r);
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000);
    }
    return `${pct(times, 0.5).toFixed(1)} ms`;
  };
  const cable = f.parseCable(text).cable;
  const other = f.parseCable(edited).cable;
  const results = new f.SemanticTokenResults();
  let last = results.full('file:///10MB.cable', cable);
  const half = cable.lines.length >> 1;
  const range = { start: { line: half, character: 0 }, end: { line: half + 60, character: 0 } };
  console.log([
    '10 MB in this process, processor time (median of 9):',
    `  parse ${cpu(() => f.parseCable(text))}; rules ${cpu(() => f.lintCable(cable))}; rules + diagnostics as JSON ${cpu(() => JSON.stringify(f.lintCable(cable).map((x) => f.toDiagnostic(x, 'file:///10MB.cable'))))}`,
    `  semantic tokens whole + JSON ${cpu(() => JSON.stringify(f.getSemanticTokens(cable)))}; delta + JSON ${cpu((r) => JSON.stringify((last = results.delta('file:///10MB.cable', r % 2 ? cable : other, last.resultId))))}; range of 60 lines + JSON ${cpu(() => JSON.stringify(f.getSemanticTokensInRange(cable, range)))}`,
    `  folding ${cpu(() => f.getFoldingRanges(cable))}; folding + JSON ${cpu(() => JSON.stringify(f.getFoldingRanges(cable)))}`,
  ].join('\n'));
  if (inProcess) {
    // Ranges of 60 lines at 200 places from the document's start to its end, as an editor scrolled through it asks: each
    // run times all 200, and the figure is the median run's time for one range.
    const places = Array.from({ length: 200 }, (_, k) => Math.floor((k * (cable.lines.length - 60)) / 199));
    const ranges = places.map((line) => ({ start: { line, character: 0 }, end: { line: line + 60, character: 0 } }));
    const times = [];
    for (let r = 0; r < 9; r++) {
      const start = process.cpuUsage();
      for (const at of ranges) JSON.stringify(f.getSemanticTokensInRange(cable, at));
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000 / ranges.length);
    }
    console.log(`  range of 60 lines + JSON at 200 places through the document: ${pct(times, 0.5).toFixed(3)} ms each (median of 9 runs)`);
    // The features asked at every caret move, once the parse is made (on above cable.largeFileThreshold too), at 50 places from the start to the end: on
    // the first line near each place that holds "ref" or "para" (an in-text reference, where they do the most), at its word.
    const lines = cable.lines;
    const positions = Array.from({ length: 50 }, (_, k) => {
      let line = Math.floor((k * (lines.length - 1)) / 49);
      for (let d = 0; d < 200 && line + d < lines.length; d++) {
        if (/\b(?:ref|para)/i.test(lines[line + d])) {
          line += d;
          break;
        }
      }
      const word = /\b(?:ref|para)/i.exec(lines[line]);
      return { line, character: word ? word.index + 1 : lines[line].length >> 1 };
    });
    const dictionaries = f.defaultDictionaries();
    const each = (fn) => {
      const times = [];
      for (let r = 0; r < 3; r++) {
        for (const p of positions) {
          const start = process.cpuUsage();
          JSON.stringify(fn(p));
          const used = process.cpuUsage(start);
          times.push((used.user + used.system) / 1000);
        }
      }
      return `${pct(times, 0.5).toFixed(3)} ms (slowest ${Math.max(...times).toFixed(3)} ms)`;
    };
    const view = (p) => ({ start: { line: Math.max(0, p.line - 30), character: 0 }, end: { line: p.line + 30, character: 0 } });
    console.log([
      '  once parsed, each at 50 places, 3 times, median:',
      `    selection ranges ${each((p) => f.getSelectionRanges(cable, [p]))}; highlights ${each((p) => f.getDocumentHighlights(cable, p))}`,
      `    inlay hints over 60 lines ${each((p) => f.getInlayHints(cable, view(p), { dictionaries, citedCable: () => undefined, refSubjects: true, routingIndicators: true }))}`,
    ].join('\n'));
  }
}
