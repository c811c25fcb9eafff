/**
 * What Enter writes on every blank line of the real cables' bodies (`npx tsx scripts/enter-blank-lines.ts [--list KIND]`):
 * prints figures, asserts nothing. Each cable is cut after a blank line, an empty line made under it and Enter asked there;
 * what it writes is set against the line the cable goes on with (past a page break's line and the blank lines around it):
 * the paragraph marker it opens with, or none. Counted by what stands above the blank line, so that a rule for one kind of
 * block can be compared before and after (run it on both trees):
 * - `quoted`: the block under a quoted document's item numbered from 1 inside a marked paragraph (`¶9. (SBU) Text:` ⏎ ⏎
 *   `¶1. We agreed …` ⏎ ⏎ `¶2. …`), the block opening with such an item or wrapped under it;
 * - `quoted list`: a dash list under such an item, inside the paragraph quoting the document (`¶10. … areas:` ⏎ ⏎
 *   `-- banking;` ⏎ `-- insurance.` ⏎ ⏎ `¶11. …`);
 * - `page`: the blank line right under a page break's line (`… met.` ⏎ `BEIJING 00001234 002 OF 003` ⏎ ⏎), whatever the
 *   block above it (the kinds above do not count it); its figures add what Enter would write were the page's line (and the
 *   blank lines above it) not there, the choice of a rule that reads past the page's line;
 * - `prose dashes`: a block of prose whose last line opens with two dashes inside a sentence (`… all of its friends` ⏎
 *   `-- in the Middle East.`), not a dash item (the line above it ends with no `.`, `;` or `:`, and is no blank line);
 * - `other`: every other blank line.
 * Across the kinds, the cuts under a line that ends with a colon (`… agreed to focus on:` ⏎ ⏎) are counted again on their own
 * (`under a colon`), and so are the cuts right under such a line of a paragraph's (no blank line between), where Enter in a
 * cable whose paragraphs follow each other on one line each may write a number (`right under a colon`).
 * `--completion`: at each cut, the marker of the item completion preselects when asked (Ctrl+Space) instead of what Enter
 * writes (an explicit request: it offers a number almost everywhere, so its figure to read is the right marker's).
 * `--list KIND` (or `--list colon`: those under a colon, and those right under it where Enter writes something) prints each cut of that kind: the file and line, what Enter wrote and what the cable has.
 */
import * as fs from 'node:fs';
import { parseCable } from '../server/src/core/parse/index';
import type { Cable } from '../server/src/core/model';
import { getCompletions } from '../server/src/features/completion';
import { defaultDictionaries } from '../server/src/features/dictionaries';
import { getOnTypeFormattingEdits } from '../server/src/features/onTypeFormatting';
import { corpusFiles } from '../test/helpers';

/** A paragraph's or a quoted item's marker at a line's start (`¶5. `, `5. `, `15.UK`). */
const MARKER = /^[ \t]*(¶ ?)?\d{1,3}\.(?=[ \t]|[A-Za-z])/;
/** An item's dashes, with or without white space after them (not a rule of dashes). */
const OPENS = /^[ \t]*--[ \t]*(?=[^ \t-])/;

/** The marker a line opens with, as Enter writes it (`¶5. `, `15. ` for `15.UK`), or ''. */
function markerOf(line: string): string {
  const m = MARKER.exec(line);
  return m ? `${m[0].trim()} ` : '';
}

const completion = process.argv.includes('--completion');
const dictionaries = defaultDictionaries();
/** What Enter writes on line `line` of `cable`, made empty under the line above (or `?` for more than one edit); with `--completion`, the marker completion preselects there. */
function ask(cable: Cable, line: number): string {
  if (completion) {
    const items = getCompletions(cable, { line, character: 0 }, { dictionaries });
    return markerOf(`${String((items.find((i) => i.preselect) ?? items[0])?.label ?? '')} `);
  }
  const edits = getOnTypeFormattingEdits(cable, { line, character: 0 }, '\n');
  return edits.length === 1 ? edits[0].newText.trimStart() : edits.length === 0 ? '' : '?';
}
const listKind = process.argv.includes('--list') ? process.argv[process.argv.indexOf('--list') + 1] : undefined;
const figures = new Map<string, Map<string, number>>();
/** The outcomes under a line ending with a colon: on the blank line under it, and right under it. */
const underColon = new Map<string, number>();
const rightUnderColon = new Map<string, number>();
const COLON_END = /:[ \t]*$/;
const choiceFigures = new Map<string, { cuts: number; markerRight: number; nothingRight: number; pastPage: number; pastPageWrong: number }>();

for (const f of corpusFiles()) {
  const { cable } = parseCable(fs.readFileSync(f, 'utf8'));
  const lines = cable.lines;
  const bodyStart = cable.paragraphs[0]?.range.start.line;
  if (bodyStart === undefined) continue;
  const bodyEnd = cable.signature?.token.range.start.line ?? lines.length;
  // The marked paragraphs' lines, and the quoted items in them (unmarked, numbered from 1).
  const quotedStarts = new Set<number>();
  // The lines of the marked paragraphs from their first quoted item down.
  const inQuotation = new Set<number>();
  for (const p of cable.paragraphs) {
    if (!p.portion) continue;
    let next = 1;
    for (let k = p.marker.range.start.line + 1; k <= p.range.end.line; k++) {
      const m = MARKER.exec(lines[k]);
      if (m && Number(/\d+/.exec(m[0])![0]) === next) {
        quotedStarts.add(k);
        next++;
      }
      if (next > 1) inQuotation.add(k);
    }
  }
  for (let l = bodyStart; l < bodyEnd - 1; l++) {
    if (!COLON_END.test(lines[l])) continue;
    const got = ask(parseCable([...lines.slice(0, l + 1), ''].join('\n')).cable, l + 1);
    const want = markerOf(lines[l + 1]);
    const outcome = MARKER.test(got) ? (got === want ? 'the right marker' : want === '' ? 'a marker, none follows' : 'a wrong marker') : got === '' ? (want === '' ? 'nothing, none follows' : 'nothing, a marker follows') : 'dashes or other';
    rightUnderColon.set(outcome, (rightUnderColon.get(outcome) ?? 0) + 1);
    if (listKind === 'colon' && got !== '') console.log(`${f.split('/').pop()}:${l + 2} got ${JSON.stringify(got)} want ${JSON.stringify(want)} (right under) | ${lines[l].slice(0, 40)} / ${lines[l + 1].slice(0, 30)}`);
  }
  for (let l = bodyStart + 1; l < bodyEnd - 1; l++) {
    if (lines[l].trim() !== '' || lines[l - 1].trim() === '') continue;
    // The block above: from its first line down to l - 1.
    let top = l - 1;
    while (top > 0 && lines[top - 1].trim() !== '' && !quotedStarts.has(top)) top--;
    let kind = 'other';
    if (cable.lineKinds[l - 1] === 'page') kind = 'page';
    else if (quotedStarts.has(top)) kind = 'quoted';
    else if (inQuotation.has(top) && OPENS.test(lines[top])) kind = 'quoted list';
    else {
      let d = l - 1;
      while (d > top && !OPENS.test(lines[d])) d--;
      const above = d > 0 ? lines[d - 1] : '';
      if (OPENS.test(lines[d]) && d > top && !/[.;:][ \t]*$/.test(above)) kind = 'prose dashes';
    }
    // What the cable goes on with, past page breaks.
    let n = l + 1;
    while (n < lines.length && (lines[n].trim() === '' || cable.lineKinds[n] === 'page')) n++;
    const want = n < bodyEnd ? markerOf(lines[n]) : '';
    const got = ask(parseCable([...lines.slice(0, l + 1), ''].join('\n')).cable, l + 1);
    const isMarker = MARKER.test(got);
    const outcome =
      got === want ? (want === '' ? 'nothing, none follows' : 'the right marker') :
      isMarker ? (want === '' ? 'a marker, none follows' : 'a wrong marker') :
      got === '' ? 'nothing, a marker follows' : 'dashes or other';
    // Each choice a rule for the kind may make: the number Enter would write (right where it is the cable's next marker), or nothing.
    const choices = choiceFigures.get(kind) ?? { cuts: 0, markerRight: 0, nothingRight: 0, pastPage: 0, pastPageWrong: 0 };
    choiceFigures.set(kind, choices);
    choices.cuts++;
    if (isMarker && got === want) choices.markerRight++;
    if (want === '') choices.nothingRight++;
    if (kind === 'page' && !completion) {
      // The number Enter would write were the page's line not there (nor the blank lines above it): under the text above.
      let a = l - 2;
      while (a > 0 && lines[a].trim() === '') a--;
      const past = getOnTypeFormattingEdits(parseCable([...lines.slice(0, a + 1), '', ''].join('\n')).cable, { line: a + 2, character: 0 }, '\n');
      const text = past.length === 1 ? past[0].newText.trimStart() : '';
      if (MARKER.test(text)) {
        if (text === want) choices.pastPage++;
        else choices.pastPageWrong++;
      }
    }
    if (COLON_END.test(lines[l - 1])) underColon.set(outcome, (underColon.get(outcome) ?? 0) + 1);
    const counts = figures.get(kind) ?? new Map<string, number>();
    figures.set(kind, counts);
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    if (kind === listKind || (listKind === 'colon' && COLON_END.test(lines[l - 1]))) console.log(`${f.split('/').pop()}:${l + 2} got ${JSON.stringify(got)} want ${JSON.stringify(want)} | ${lines[l - 1].slice(0, 40)} / ${lines[n]?.slice(0, 30)}`);
  }
}
for (const kind of ['quoted', 'quoted list', 'page', 'prose dashes', 'other']) {
  console.log(`${kind}:`);
  for (const [outcome, n] of [...(figures.get(kind) ?? [])].sort()) console.log(`  ${outcome.padEnd(30)} ${String(n).padStart(5)}`);
  const c = choiceFigures.get(kind);
  if (c) console.log(`  of ${c.cuts} cuts, ${completion ? "completion's" : "Enter's"} marker is the cable's next ${c.markerRight} times; nothing would be right ${c.nothingRight} times`);
  if (c && kind === 'page' && !completion) console.log(`  were the page's line not there, Enter's marker would be the cable's next ${c.pastPage} times, not it ${c.pastPageWrong} times`);
}
for (const [title, counts] of [['under a colon (of the kinds above)', underColon], ['right under a colon', rightUnderColon]] as const) {
  console.log(`${title}:`);
  for (const [outcome, n] of [...counts].sort()) console.log(`  ${outcome.padEnd(30)} ${String(n).padStart(5)}`);
}
