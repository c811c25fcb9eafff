/**
 * What Enter on a dash item writes on the real cables (`npx tsx scripts/dash-items.ts`): prints figures, asserts nothing.
 * The test `test/unit/onTypeFormatting.test.ts` holds the thresholds; this shows the counts behind them, split by the
 * items' style, so that a change to the dash items' rule can be compared before and after (run it on both trees).
 *
 * 1. Cut after each dash item's last line (`-- fares;`, and `--fares;` with no space), the new line empty: does Enter
 *    leave the line the cable goes on with (the next item's dashes, or nothing)?
 * 2. Cut after each dash item and the blank line under it, the new line empty: does Enter leave what the cable has on
 *    the line after the blank one (the next item's dashes, the next paragraph's number, or nothing)?
 * 3. Cut after each line inside a wrapped item: does Enter write anything (it should not)?
 * In 2, dashes count as the next item's whatever their spacing (`--` for `-- `); a line more counts those spaced as the cable spaces them.
 * 4. In 2, where Enter writes dashes and no item follows: does Enter again on them leave what the cable has (its next paragraph's
 *    number, or nothing)?
 */
import * as fs from 'node:fs';
import { parseCable } from '../server/src/core/parse/index';
import { getOnTypeFormattingEdits } from '../server/src/features/onTypeFormatting';
import { corpusFiles } from '../test/helpers';

/** An item's dashes, with or without white space after them (not a rule of dashes). */
const OPENS = /^[ \t]*--[ \t]*(?=[^ \t-])/;
/** A paragraph's marker at a line's start (`¶5. `, `5. `). */
const MARKER = /^[ \t]*(¶ ?)?\d{1,3}\.[ \t]/;

interface Count {
  total: number;
  right: number;
}
const count = (): Count => ({ total: 0, right: 0 });
const figures = { afterSpaced: count(), afterUnspaced: count(), blankSpaced: count(), blankUnspaced: count(), insideSpaced: count(), insideUnspaced: count(), blankExact: count(), again: count() };
const blankWhat = new Map<string, number>();

/** What Enter leaves on an empty new line after `lines` (the new text on it, '' for nothing). */
function enterAfter(lines: readonly string[]): string {
  const edits = getOnTypeFormattingEdits(parseCable([...lines, ''].join('\n')).cable, { line: lines.length, character: 0 }, '\n');
  return edits.length === 1 ? edits[0].newText : edits.length === 0 ? '' : '?';
}

for (const f of corpusFiles()) {
  const lines = parseCable(fs.readFileSync(f, 'utf8')).cable.lines;
  for (let start = 0; start < lines.length; start++) {
    const m = OPENS.exec(lines[start]);
    if (!m) continue;
    const spaced = /[ \t]$/.test(m[0]);
    let end = start;
    while (end + 1 < lines.length && lines[end + 1].trim() !== '' && !OPENS.test(lines[end + 1]) && !MARKER.test(lines[end + 1])) end++;
    for (let l = start; l < end; l++) {
      const c = spaced ? figures.insideSpaced : figures.insideUnspaced;
      c.total++;
      if (enterAfter(lines.slice(0, l + 1)) === '') c.right++;
    }
    const after = spaced ? figures.afterSpaced : figures.afterUnspaced;
    after.total++;
    if (enterAfter(lines.slice(0, end + 1)) === (OPENS.exec(lines[end + 1] ?? '')?.[0] ?? '')) after.right++;
    // The blank line under the item, then the line the cable goes on with.
    if (end + 2 < lines.length && lines[end + 1].trim() === '') {
      const next = lines[end + 2];
      const want = OPENS.exec(next)?.[0] ?? MARKER.exec(next)?.[0] ?? '';
      const got = enterAfter(lines.slice(0, end + 2));
      const blank = spaced ? figures.blankSpaced : figures.blankUnspaced;
      blank.total++;
      const ok = got === want || (want !== '' && got.trimEnd() === want.trimEnd());
      if (ok) blank.right++;
      // Where an item follows: its very dashes, their spacing too (the count above takes `--` for `-- `).
      if (OPENS.test(next)) {
        figures.blankExact.total++;
        if (got === want) figures.blankExact.right++;
      } else if (/^[ \t]*--/.test(got)) {
        figures.again.total++;
        if (enterAfter([...lines.slice(0, end + 2), got]) === want) figures.again.right++;
      }
      const kind = `${OPENS.test(next) ? 'item' : MARKER.test(next) ? 'paragraph' : 'other'} got ${got === '' ? 'nothing' : /^[ \t]*--/.test(got) ? 'dashes' : 'marker'}${ok ? '' : ' (wrong)'}`;
      blankWhat.set(kind, (blankWhat.get(kind) ?? 0) + 1);
    }
  }
}

const show = (name: string, c: Count) => console.log(`${name.padEnd(58)} ${String(c.right).padStart(4)} of ${String(c.total).padStart(4)}`);
show('after an item "-- x;", Enter leaves the next line', figures.afterSpaced);
show('after an item "--x;", Enter leaves the next line', figures.afterUnspaced);
show('under an item "-- x;" and a blank line, the next line', figures.blankSpaced);
show('under an item "--x;" and a blank line, the next line', figures.blankUnspaced);
show('inside an item "-- x", Enter writes nothing', figures.insideSpaced);
show('inside an item "--x", Enter writes nothing', figures.insideUnspaced);
show('under an item and a blank line, the next dashes exactly', figures.blankExact);
show('on those dashes where no item follows, Enter again', figures.again);
console.log('under an item and a blank line, by what the cable has next:');
for (const [kind, n] of [...blankWhat].sort()) console.log(`  ${kind.padEnd(40)} ${n}`);
