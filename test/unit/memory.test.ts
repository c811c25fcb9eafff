/**
 * What the model of a large document keeps in memory. While a large document is parsed, the young-generation
 * collector copies the part of the model built so far at each collection (bench/RESULTS.md, "Parse throughput"),
 * so the model shares what it can: these tests pin that sharing, on invented documents.
 */
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { parseCable } from '../../server/src/core/parse/index';
import { summarize } from '../../server/src/workspace/cableIndex';
import { CitedParagraphs } from '../../server/src/cli/cited';
import { paragraphCopy } from '../../server/src/core/rules/util';

// A full collection on demand: the flag takes effect for the function the new context makes.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap bytes in use, compiled code left out (the optimizing compiler adds code at moments of its own). */
function used(): number {
  let bytes = 0;
  for (const space of v8.getHeapSpaceStatistics()) if (!space.space_name.startsWith('code')) bytes += space.space_used_size;
  return bytes;
}

type Keep = (cable: ReturnType<typeof parseCable>['cable']) => unknown;

/**
 * The bytes that what `keep` takes out of the model of `text` holds, over `count` items: the median of five parses
 * (a first one compiles the parser), each measured after full collections.
 */
function bytesPerItem(text: string, count: number, keep: Keep): number {
  parseCable(text);
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) samples.push(retained(text, keep) / count);
  return samples.sort((a, b) => a - b)[2];
}

/** The bytes what `keep` takes out of the model of `text` holds; in a call of its own, so that nothing outlives it. */
function retained(text: string, keep: Keep): number {
  gc();
  gc();
  const before = used();
  const kept = keepOf(text, keep);
  gc();
  gc();
  const after = used();
  // Read after the measure, so that what is kept stays alive through it.
  assert.ok(kept !== undefined);
  return after - before;
}

/** Parses `text` and returns what `keep` takes: nothing else of the model outlives this frame. */
function keepOf(text: string, keep: Keep): unknown {
  return keep(parseCable(text).cable);
}

/** An invented cable with `count` numbered paragraphs, each under a heading of its own when `headings` is set. */
function invented(count: number, headings: boolean): string {
  const out = ['CONFIDENTIAL NOWHERE 000042', '', 'E.O. 12958: DECL: 05/27/2019', 'TAGS: PREL XX', 'SUBJECT: AN INVENTED CABLE', '', 'Classified By: A. Person, reasons 1.4 (b) and (d).', ''];
  for (let k = 1; k <= count; k++) {
    if (headings) out.push(`Invented Heading ${k}`, '----------------', '');
    out.push(`¶${(k % 900) + 1}. (C) The minister said nothing new about the invented matter today.`, '');
  }
  out.push('DOE');
  return out.join('\n');
}

describe('model memory', function () {
  // Each test parses a document of a few thousand paragraphs six times.
  this.timeout(60000);

  it('shares one position where a heading, a page line or a banner starts or ends with a part of its own', () => {
    const text = [
      'CONFIDENTIAL NOWHERE 000042',
      '',
      'SUBJECT: AN INVENTED CABLE',
      '',
      'Underlined Heading',
      '------------------',
      '',
      '¶1. (C) The minister said nothing new.',
      '',
      '-------------',
      'Boxed Heading',
      '-------------',
      '',
      '¶2. (C) The minister said it again.',
      'NOWHERE 00000042 002 OF 002',
      '',
      'PLAIN HEADING',
      '',
      '¶3. (C) The minister said nothing more about the invented matter, at some length this time.',
      '',
      'DOE',
    ].join('\n');
    const cable = parseCable(text).cable;
    const [underlined, boxed, plain] = cable.headings;
    assert.deepEqual(cable.headings.map((h) => h.style), ['underlined', 'boxed', 'plain']);
    assert.equal(underlined.range.start, underlined.text.range.start);
    assert.equal(underlined.range.end, underlined.rules[0].end);
    assert.equal(boxed.range.start, boxed.rules[0].start);
    assert.equal(boxed.range.end, boxed.rules[1].end);
    assert.equal(plain.range.start, plain.text.range.start);
    assert.equal(plain.range.end, plain.text.range.end);
    const [page] = cable.pageLines;
    assert.equal(page.post.range.start, page.token.range.start);
    assert.equal(page.total!.range.end, page.token.range.end);
    const banner = cable.banner!;
    assert.equal(banner.range.start, banner.levelText.range.start);
    assert.equal(banner.range.end, banner.serial!.range.end);
  });

  it('keeps one string for the markers, numbers and markings that paragraphs repeat', () => {
    // Four strings a paragraph, in an array of 8 bytes each: with a copy of each about 115 bytes a paragraph, with one
    // string for every "¶12.", "12", "(C)" and "C" about 45 (900 numbers over 4,000 paragraphs); 75 and 95 with either half.
    const perParagraph = bytesPerItem(invented(4000, false), 4000, (cable) => cable.paragraphs.flatMap((p) => [p.marker.text, p.numberToken.text, p.portion!.token.text, p.portion!.inner.text]));
    assert.ok(perParagraph < 60, `${perParagraph.toFixed(0)} bytes per paragraph`);
  });

  it('keeps nothing of a document once its model is gone', () => {
    // A marking and a caveat of 13 characters or more: the parser's caches of their readings must not keep the slices of
    // the document they were first met in (a slice that long is a view of the whole string). The measured parse meets
    // them for the first time, so that the caches take new entries from its document.
    const made = (n: number) =>
      ['SECRET NOWHERE 000042', '', n === 0 ? 'Noforn, Not For Internet Distribution' : 'NOFORN, NOT FOR INTERNET DISTRIBUTION', '', `¶1. (S//REL TO USA, ${n === 0 ? 'GBR' : 'FVEY'}) Invented text ${n}.`, 'x'.repeat(4e6), ''].join('\n');
    parseCable(made(0));
    gc();
    gc();
    const before = used();
    // Made and parsed in a frame of its own: nothing of it outlives the call.
    const caveats = ((n: number) => parseCable(made(n)).cable.caveats.map((c) => c.name))(1);
    // The string the last regular expression ran on is kept for RegExp.lastMatch: a match of its own lets the measure
    // see only the caches.
    /x/.exec('x');
    gc();
    gc();
    const kept = used() - before;
    assert.deepEqual(caveats, ['NOFORN', 'NOT FOR INTERNET DISTRIBUTION']);
    assert.ok(kept < 1e6, `${(kept / 1e6).toFixed(1)} MB kept after the parse`);
  });

  it("keeps none of a long document's line kinds once its model is gone", () => {
    // The line kinds are copied from an array of 'text' the parser keeps: grown to a long document's 300,000 lines, it
    // would keep 1.2 MB or more (4 or 8 bytes a line) after the parse. A short cable first, so that its part is in place.
    parseCable(invented(10, false));
    gc();
    gc();
    const before = used();
    // Made and parsed in a frame of its own: nothing of it outlives the call.
    const lineCount = ((n: number) => parseCable('x\n'.repeat(n)).cable.lineKinds.length)(300000);
    /x/.exec('x');
    gc();
    gc();
    const kept = used() - before;
    assert.equal(lineCount, 300001);
    assert.ok(kept < 2e5, `${(kept / 1e6).toFixed(2)} MB kept after the parse`);
  });

  it("keeps none of a cable's text in the workspace index's summary of it", () => {
    // A subject on one line and a post of 13 characters or more are slices of the document in the model; the index keeps
    // a summary of every cable in the workspace for as long as the server runs, so it must hold copies, not the texts.
    // A signature of 13 characters or more is a slice too; each differs, so that none is the copy another cable made.
    const made = (n: number) => ['C O N F I D E N T I A L RIO DE JANEIRO 000042', '', 'TAGS: PREL XX', `SUBJECT: AN INVENTED SUBJECT ON ONE LINE ${n}`, '', `¶1. (C) Invented text.`, 'x'.repeat(4e6), '', `WHITTINGTON-SMYTHE${'E'.repeat(n)}`, ''].join('\n');
    const summaries = [summarize('file:///a.cable', parseCable(made(0)).cable)];
    gc();
    gc();
    const before = used();
    summaries.push(((n: number) => summarize(`file:///b${n}.cable`, parseCable(made(n)).cable))(1));
    // V8 keeps the string the last regular expression ran on (for RegExp.lastMatch), which may be a slice of this
    // document: one document at most, until any other match; a match of its own lets the measure see only the summary.
    /x/.exec('x');
    gc();
    gc();
    const kept = used() - before;
    assert.equal(summaries[1].subject, 'AN INVENTED SUBJECT ON ONE LINE 1');
    assert.equal(summaries[1].post, 'RIO DE JANEIRO');
    assert.equal(summaries[1].signature, 'WHITTINGTON-SMYTHEE');
    assert.ok(kept < 1e6, `${(kept / 1e6).toFixed(1)} MB kept by one summary`);
  });

  it("keeps none of a cable's text in the ids of the index's summary, its own and its REF items'", () => {
    // Invented. A post of 13 letters or more, written without spaces, is a slice of the document in the model: an id made
    // of it by concatenation held the whole text alive, through the index's entry for as long as the server runs.
    const made = (n: number) => ['C O N F I D E N T I A L PORTOFNOWHERE 000042', '', 'E.O. 12958: DECL: 05/27/2019', 'TAGS: PREL XX', 'SUBJECT: X', `REF: A. 08 PORTOFNOWHERE ${100 + n} B. PORTOFELSEWHERE 7`, '', `¶1. (C) Invented text.`, 'x'.repeat(4e6), '', 'SMITH', ''].join('\n');
    const summaries = [summarize('file:///09PORTOFNOWHERE42.cable', parseCable(made(0)).cable, '09PORTOFNOWHERE42')];
    gc();
    gc();
    const before = used();
    summaries.push(((n: number) => summarize('file:///09PORTOFNOWHERE42.cable', parseCable(made(n)).cable, '09PORTOFNOWHERE42'))(1));
    /x/.exec('x');
    gc();
    gc();
    const kept = used() - before;
    assert.deepEqual([summaries[1].id, ...summaries[1].refs], ['09PORTOFNOWHERE42', '08PORTOFNOWHERE101', '09PORTOFELSEWHERE7']);
    assert.ok(kept < 1e6, `${(kept / 1e6).toFixed(1)} MB kept by one summary`);
  });

  it("keeps a run's cable ids for CBL054 in under 100 bytes each, and none of a cable's text", () => {
    // `cablelint` keeps, for the whole run, which file holds each cable id and its paragraph numbers (cli/cited.ts): a
    // later file may cite any of them. The parser's id of 13 characters or more joined three strings (`${yy}${post}${serial}`),
    // and a post of 13 letters or more is a slice of the cable's text: kept as it came, the id held the whole text alive
    // (about 1,900 bytes an id here; `canonicalId` now makes it flat, and the record copies an id read from a file name);
    // and an id of 19 characters in a map to an object took about 200 bytes (117 with the id flat), where the packed record
    // takes about 80. Array buffers count (the record's typed arrays live outside the heap).
    const memory = () => used() + process.memoryUsage().arrayBuffers;
    /** The bytes left in use after `add` is called for 0 to `count` - 1, a file each, and `cited`, read after the measure. */
    const kept = (count: number, add: (cited: CitedParagraphs, i: number) => void) => {
      const cited = new CitedParagraphs();
      gc();
      gc();
      const before = memory();
      for (let i = 0; i < count; i++) add(cited, i);
      // V8 keeps the last string a pattern ran on (a slice of the last text, maybe): a match of its own.
      /x/.exec('x');
      gc();
      gc();
      return { perId: (memory() - before) / count, cited };
    };
    const made = (serial: number) =>
      [`R 271504Z MAY 09`, 'FM AMEMBASSY PORTOFNOWHERE', 'TO SECSTATE WASHDC 1234', '', `UNCLAS PORTOFNOWHERE ${String(serial).padStart(6, '0')}`, '', 'E.O. 12958: N/A', 'TAGS: PREL ECON XX', 'SUBJECT: AN INVENTED CABLE ABOUT A FERRY TERMINAL', '']
        .concat(Array.from({ length: 1 + (serial % 5) }, (_, k) => `¶${k + 1}. ${'The port authority chose a builder for the invented terminal. '.repeat(8)}\n`), ['SMITH', ''])
        .join('\n');
    const parsed = (cited: CitedParagraphs, i: number) => {
      const cable = parseCable(made(1000 + i)).cable;
      cited.add(i, `/run/c/${cable.id}.txt`, { id: cable.id, copy: paragraphCopy(cable) });
    };
    // The parses leave some of their own in use (caches, type feedback: tens of bytes a cable, which vary), so the
    // texts are looked for here, and the record's size below, without the parser.
    kept(2000, parsed);
    const { perId: withParse, cited } = kept(2000, parsed);
    assert.ok(withParse < 1000, `${withParse.toFixed(0)} bytes a cable`);
    // What is kept still answers: the copy of 09PORTOFNOWHERE1002 has paragraphs 1 to 3, ended by its signature.
    const mention = (number: number) => ({ id: '09PORTOFNOWHERE1002', number, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
    cited.add(2000, '/run/c/09TALLINN9.txt', { mentions: [mention(3), mention(4)], severity: 'warning' });
    assert.deepEqual(cited.settle(2000, { file: 'c.txt', findings: [] })?.findings.map((f) => f.message), ['The REF item cites 09PORTOFNOWHERE1002, which has no paragraph 4: its paragraphs are numbered 1 to 3.']);
    // Ids as the parser joins them, 19 and 20 characters, and the copies most cables share; 16,000 of them (a collection's
    // worth, with the map and arrays grown near full: 16,384), the median of three, for a measure the collector's timing moves little.
    const copies = [1, 2, 3, 4, 5].map((n) => ({ numbers: Array.from({ length: n }, (_, k) => k + 1), ended: true }));
    const sizes = [0, 1, 2].map(() =>
      kept(16000, (cited, i) => {
        const id = `${String(i % 10).padStart(2, '0')}${'PORTOFNOWHERE'}${10000 + i}`;
        cited.add(i, `/run/c/${id}.txt`, { id, copy: copies[i % 5] });
      }).perId,
    );
    const perId = sizes.sort((a, b) => a - b)[1];
    assert.ok(perId < 100, `${perId.toFixed(0)} bytes an id`);
  });

  it("holds each section's paragraph numbers in an array of their length", () => {
    // A section holds its object, its range, an end position of its own and its list of paragraphs (one here): about
    // 230 bytes with a list of one, 360 with a list grown by push, which keeps room for 17.
    const perSection = bytesPerItem(invented(4000, true), 4000, (cable) => cable.sections);
    assert.ok(perSection < 280, `${perSection.toFixed(0)} bytes per section`);
  });
});
