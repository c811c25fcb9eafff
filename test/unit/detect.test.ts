/**
 * The client's check of a plain-text `.txt` document (client/src/detect.ts): the core's `readsAsCable` on
 * the document's start, which decides without a language server whether the document opens as a cable.
 * It must never miss a cable that the server, `cablelint`'s walk and the index take.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DETECTION_PREFIX, textReadsAsCable } from '../../client/src/detect';
import { parseCable, readsAsCable } from '../../server/src/core/parse/index';
import { looksBinary } from '../../server/src/core/text';
import { corpusDir, corpusFiles, ROOT } from '../helpers';
import { damagedCable } from '../properties';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Every invented cable and text file of the tests. */
function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(?:cable|txt)$/.test(entry.name) && !entry.name.endsWith('.expected.txt')) out.push(full);
    }
  };
  walk(path.join(ROOT, 'test/fixtures'));
  walk(path.join(ROOT, 'test/vscode/workspace'));
  return out.sort();
}

describe('client: textReadsAsCable', () => {
  const cable = read('test/fixtures/samples/09VALLETTA412.cable');

  it('takes a cable with blank lines before its header, which the manifest’s firstLine cannot see past', () => {
    assert.equal(textReadsAsCable(`\n\n${cable}`), true);
    assert.equal(textReadsAsCable(read('test/vscode/workspace/b7e2c91f04.txt')), true);
    assert.equal(textReadsAsCable(read('test/fixtures/editors/000_9b41c7e2d05a6f38.txt')), true);
  });

  it('leaves notes, binary files and empty files alone', () => {
    assert.equal(textReadsAsCable('Meeting notes\n\nTAGS and SUBJECT lines are checked by the reviewers.\nNothing else.\n'), false);
    assert.equal(textReadsAsCable(read('test/fixtures/editors/notes.txt')), false);
    assert.equal(textReadsAsCable('\u0000\u0001PK\u0003\u0004 TAGS: PREL\nSUBJECT: X\nE.O. 12958: N/A\n'), false);
    assert.equal(textReadsAsCable(''), false);
    // A note that opens with a level alone on its line and a subject: the level is a banner only where it stands, and
    // counts for no more than a word towards a cable; a cable typed by hand so still reads as one by its fields.
    assert.equal(textReadsAsCable('SECRET\nSubject: lunch with the harbor master\n\nBring the ferry plans.\n'), false);
    assert.equal(textReadsAsCable('SECRET\n\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\n1. (S) The harbor board met.\n'), true);
    // Nor does a level with a word after it and no serial, which the editor reads as a banner being typed.
    assert.equal(textReadsAsCable('SECRET SANTA\n\nSubject: lunch with the harbor master\n'), false);
    // Or with the first digits of a serial typed, or a section being typed: "SECRET SANTA 24" is no whole banner either.
    assert.equal(textReadsAsCable('SECRET SANTA 24\n\nSubject: lunch with the harbor master\n'), false);
    assert.equal(textReadsAsCable('SECRET SECTION 01 OF\n\nSubject: lunch with the harbor master\n'), false);
    assert.equal(textReadsAsCable('S E C R E T NOWHERE 000012\n\nSUBJECT: FERRY TALKS\n'), true);
  });

  it('reads only the first 64 KB: a cable after them is not found, a long cable is', () => {
    assert.equal(textReadsAsCable(`${'A line of notes.\n'.repeat(5000)}${cable}`), false);
    assert.equal(textReadsAsCable(`${cable}\n${'More text of the cable.\n'.repeat(5000)}`), true);
    // A NUL past the start does not make the file binary: only the start is read.
    assert.equal(textReadsAsCable(`${cable}\n${'More text of the cable.\n'.repeat(5000)}\u0000`), true);
  });

  it('never misses an invented fixture that readsAsCable takes', () => {
    const files = fixtureFiles();
    assert.ok(files.length > 50, `only ${files.length} fixtures`);
    const missed = files.filter((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return !looksBinary(text) && readsAsCable(parseCable(text).cable) && !textReadsAsCable(text);
    });
    assert.deepEqual(missed, []);
  });

  it('takes every cable of ../shared/corpus', function () {
    if (!corpusDir()) this.skip();
    const files = corpusFiles();
    assert.ok(files.length > 0);
    assert.deepEqual(files.filter((f) => !textReadsAsCable(fs.readFileSync(f, 'utf8'))).map((f) => path.basename(f)), []);
  });

  it('answers as the core does on the same start, for damaged cables (property)', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat({ max: 3 }), damagedCable), ([blank, text]) => {
        const start = ('\n'.repeat(blank) + text).slice(0, DETECTION_PREFIX);
        assert.equal(textReadsAsCable(start), !looksBinary(start) && readsAsCable(parseCable(start).cable));
      }),
      { numRuns: 200 },
    );
  });
});
