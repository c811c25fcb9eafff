/**
 * How the real cables read with a scan's margin put on every line and then damaged as a writer or a scan damages it
 * (`npx tsx scripts/margin-damage.ts`): prints figures, asserts nothing; run it on two trees to compare. For each kind of
 * margin (a bar, `| `; right-aligned line numbers, ` 9 `) and each damage, it counts the cables whose fields (id, level,
 * subject, TAGS, DECL, REF items, paragraphs) read as those of the same cable without the margin, damaged alike (the
 * lines typed in it too; a line's number out of the rise kept as the line's text), and those read with a margin at all.
 *
 * The damages: lines typed without the margin at the end (Enter writes none: `-- typed;`) or in the middle, lines typed in
 * the middle as Enter writes them, the margin as spaces (`  -- typed;`, read as they stand, `-- typed;` without the margin),
 * and, on line numbers, one line's number that does not rise (`1`) or rises too far (`99999`) in the middle.
 *
 * Then CBL047's fix, applied to each margined copy read with a margin: the cables whose fixed text reads as the cable
 * without the margin, damaged alike (its fields), and those whose fixed text is that text exactly, but for the white space
 * that ends a line (which the margin of line numbers takes off).
 */
import * as fs from 'node:fs';
import { applyEdits } from '../server/src/core/fix';
import { lintCable } from '../server/src/core/lint';
import { parseCable } from '../server/src/core/parse/index';
import { corpusFiles } from '../test/helpers';

/** What the parser reads of a cable's fields, in one string. */
function fields(text: string): string {
  const c = parseCable(text).cable;
  return JSON.stringify([c.id, c.banner?.level, c.subject?.text, c.tags?.tags.map((t) => t.code), c.eo?.decl?.value.text, c.refs?.items.length, c.paragraphs.length]);
}

const bar = (lines: readonly string[]) => lines.map((l) => (l === '' ? '|' : `| ${l}`));
const numbers = (lines: readonly string[]) => {
  const width = String(lines.length).length;
  return lines.map((l, i) => `${String(i + 1).padStart(width, ' ')} ${l}`.trimEnd());
};
/** The text with each line's trailing white space taken off (a margin of line numbers puts none after a line's text). */
const trimmed = (text: string) => text.replace(/[ \t]+$/gm, '');
/** How wide each margin is on the lines of `plain`: the bar and its space, the widest number and its space. */
const widthOf = (kind: string, plain: readonly string[]) => (kind === 'bar' ? 2 : String(plain.length).length + 1);
const typed = (n: number) => Array.from({ length: n }, (_, k) => `-- typed ${k + 1};`);

/** A damage: the damaged margined lines, and the same cable without the margin, damaged alike. */
type Damage = (plain: readonly string[], margined: readonly string[], width: number) => { margined: string[]; plain: string[] } | undefined;
const renumbered =
  (to: string): Damage =>
  (plain, margined) => {
    const h = plain.length >> 1;
    if (!/^ *\d/.test(margined[h])) return undefined;
    const line = margined[h].replace(/^ *\d+/, (d) => to.padStart(d.length, ' '));
    return { margined: margined.map((l, i) => (i === h ? line : l)), plain: plain.map((l, i) => (i === h ? line : l)) };
  };
const damages: [string, Damage, boolean][] = [
  ['none', (plain, margined) => ({ margined: [...margined], plain: [...plain] }), true],
  ...[1, 2, 3, 6].map((n): [string, Damage, boolean] => [`${n} line(s) typed at the end`, (plain, margined) => ({ margined: [...margined, ...typed(n)], plain: [...plain, ...typed(n)] }), true]),
  ['3 lines typed in the middle', (plain, margined) => ({ margined: [...margined.slice(0, margined.length >> 1), ...typed(3), ...margined.slice(margined.length >> 1)], plain: [...plain.slice(0, plain.length >> 1), ...typed(3), ...plain.slice(plain.length >> 1)] }), true],
  ['3 lines typed in the middle as Enter writes them (the margin as spaces)', (plain, margined, width) => ({ margined: [...margined.slice(0, margined.length >> 1), ...typed(3).map((l) => ' '.repeat(width) + l), ...margined.slice(margined.length >> 1)], plain: [...plain.slice(0, plain.length >> 1), ...typed(3), ...plain.slice(plain.length >> 1)] }), true],
  ["a number that does not rise (1), mid-text", renumbered('1'), false],
  ['a number that rises too far (99999), mid-text', renumbered('99999'), false],
];

const files = corpusFiles();
if (files.length === 0) {
  console.log('no corpus (../shared/corpus): nothing to count');
  process.exit(0);
}
console.log(`${files.length} real cables; per margin and damage: cables damaged, read as without the margin, read with a margin; of those, CBL047's fix reads as without the margin, gives that text exactly`);
for (const [kind, margin] of [['bar', bar], ['line numbers', numbers]] as const) {
  for (const [name, damage, onBars] of damages) {
    if (kind === 'bar' && !onBars) continue;
    let total = 0;
    let same = 0;
    let kept = 0;
    let fixedSame = 0;
    let fixedExact = 0;
    for (const file of files) {
      const plain = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n');
      const d = damage(plain, margin(plain), widthOf(kind, plain));
      if (!d) continue;
      total++;
      const text = d.margined.join('\n');
      const without = d.plain.join('\n');
      if (fields(text) === fields(without)) same++;
      const cable = parseCable(text).cable;
      if (!cable.margin) continue;
      kept++;
      const fix = lintCable(cable).find((f) => f.id === 'CBL047' && f.fixes?.[0].title.includes('margin'))?.fixes?.[0];
      const fixed = fix ? applyEdits(text, fix.edits) : text;
      if (fields(fixed) === fields(without)) fixedSame++;
      if (trimmed(fixed) === trimmed(without)) fixedExact++;
    }
    console.log(`${kind}, ${name}: ${total} ${same} ${kept}; ${fixedSame} ${fixedExact}`);
  }
}
