/**
 * Formatting on type: Enter at the end of a numbered paragraph, or on the blank line under it, writes the next
 * paragraph's number on the new line, in the cable's marker style (`¶5. `, `¶ 5. `, `5. `), as the next paragraph's
 * marker completion does; never a portion marking, which is the writer's choice (completion offers it after the `(`).
 * Enter at the end of a lettered REF item writes the next item's letter under it (`REF: A. STATE 1234` ⏎ `     B. `).
 * Enter at the end of a dash list's item that ends with a full stop or a semicolon writes the next item's dashes under its
 * own (`-- fares will rise;` ⏎ `-- `, `--Defense;` ⏎ `--`), or, in a list whose items stand a blank line apart, on the blank
 * line under it.
 */
import type { Position, TextEdit } from 'vscode-languageserver';
import type { Cable, Paragraph, RefItem } from '../core/model';
import { linesAsRead, marginWidth } from '../core/parse/margin';
import { isBlank, isSpace, partitionPoint, skipSpaces, trimEndOffset } from '../core/text';
import { inBody, lastQuotedItem, markerText, newMarkerStyle, nextRefSlot, paragraphsPacked } from './completion';

/**
 * What Enter writes: the next paragraph's number (`cable.paragraphNumbers.onEnter`), the next REF item's letter
 * (`cable.refLetters.onEnter`), the next dash item's dashes (`cable.dashItems.onEnter`).
 */
export interface OnEnterOptions {
  readonly paragraphNumbers: boolean;
  readonly refLetters: boolean;
  readonly dashItems: boolean;
}

/**
 * The edits after `typed` was typed at `position` (`textDocument/onTypeFormatting`): for Enter (`\n`), the next paragraph's
 * marker and a space at the caret on the new line (past a scan's margin, as spaces: {@link nextParagraphOnEnter}), the next REF item's letter
 * ({@link nextRefLetterOnEnter}) or the next dash item's dashes, or the end of a list, as `options` allow; nothing for any other character.
 */
export function getOnTypeFormattingEdits(cable: Cable, position: Position, typed: string, options: OnEnterOptions = { paragraphNumbers: true, refLetters: true, dashItems: true }): TextEdit[] {
  if (typed !== '\n' || !onFreshLine(cable, position)) return [];
  // The quoted items the list's rule reads in the paragraph above the blank line, kept for the number's rule, which reads them there too.
  const kept: KeptRead = { read: undefined };
  // On the blank line under an item of a list whose items stand a blank line apart, the next item comes before the next paragraph.
  const edit =
    (options.dashItems ? nextSpacedDashItemOnEnter(cable, position) : undefined) ??
    (options.paragraphNumbers && !(options.dashItems && underListOfBlocks(cable, position.line, undefined, kept)) ? nextParagraphOnEnter(cable, position, kept.read) : undefined) ??
    (options.refLetters ? nextRefLetterOnEnter(cable, position) : undefined) ??
    (options.dashItems ? nextDashItemOnEnter(cable, position) : undefined);
  if (edit) return [edit];
  return (
    (options.refLetters ? endRefListOnEnter(cable, position) : undefined) ??
    (options.dashItems ? (endDashListOnEnter(cable, position) ?? endSpacedDashListOnEnter(cable, position, options.paragraphNumbers)) : undefined) ??
    []
  );
}

/**
 * A line that opens a dash list's item: white space, two dashes, white space or none, then text (`-- fares will rise;`,
 * `  --  Links`, `--Defense - …`, as 9 of the real cables write their lists).
 */
const DASH_ITEM = /^[ \t]*--[ \t]*(?=[^ \t-])/;
/** A line holding only a dash item's dashes, as Enter writes them (`-- `, `--`). */
const DASHES_ALONE = /^[ \t]*--[ \t]*$/;
/**
 * How many lines above its last one an item opened under a sentence's end (`.`, `;`, `:`) is looked for: an item wrapped over
 * more lines is taken for prose, whose sentence may put two dashes at a line's start.
 */
const MAX_ITEM_LINES = 12;
/**
 * How many lines above its last one an item opened under a blank line is looked for, whatever its length (the real cables'
 * longest runs over 23 lines): a bound on the work, not a test of prose.
 */
const MAX_ITEM_LINES_UNDER_BLANK = 100;

/**
 * The first line of the dash item whose line `line` is, and the dashes that open it with the white space around them
 * (`-- `): undefined for a line of no item. The item opens on a line of {@link DASH_ITEM} under a blank line, however many
 * lines it runs over ({@link MAX_ITEM_LINES_UNDER_BLANK}), or at most {@link MAX_ITEM_LINES} lines up under a line that ends
 * a sentence, a clause or an introduction (`.`, `;`, `:`, as `… parties agreed to:` ⏎ `-- exchange …`), and goes on over the
 * lines under it down to `line`, none blank; two dashes opening a line inside a sentence (`… all of its friends -- Arabs
 * included` ⏎ `-- in the Middle East`) open no item. No paragraph opens between them. `through`: an item opened under a line
 * that ends none of these (`-- 1990 accord (in effect in 1992)` ⏎ `-- 2002 accord`, a list whose items end with no stop) is
 * passed over up to such an item above it, with no blank line between, which is returned: the top of the list, not the item.
 */
function dashItemOf(cable: Cable, line: number, through = false): { start: number; dashes: string } | undefined {
  // Past a scan's margin (`| -- fares;`, `07 -- fares;`), whose line of the margin alone is blank: its dashes are written
  // in their column, the margin as spaces.
  const lines = linesAsRead(cable);
  const paragraphs = cable.paragraphs;
  const p = paragraphs[partitionPoint(paragraphs, (q) => q.range.start.line <= line) - 1] as Paragraph | undefined;
  const top = Math.max(0, line - MAX_ITEM_LINES_UNDER_BLANK, p && p.range.end.line >= line ? p.marker.range.start.line : 0);
  let below = line + 1;
  for (let k = line; k >= top; k--) {
    const text = lines[k];
    if (isBlank(text)) return undefined;
    const m = DASH_ITEM.exec(text);
    if (!m) continue;
    const above = k > 0 ? lines[k - 1] : '';
    const end = above.charCodeAt(trimEndOffset(above) - 1);
    if (isBlank(above)) return { start: k, dashes: m[0] };
    if (below - 1 - k <= MAX_ITEM_LINES && (end === 46 /* . */ || end === 59 /* ; */ || end === 58 /* : */)) return { start: k, dashes: m[0] };
    if (!through) return undefined;
    below = k;
  }
  return undefined;
}

/**
 * The next dash item's dashes (`-- `, as the item above writes them, in its column), written on the line Enter has just made, when:
 * - that line is empty, or holds only the indentation Enter kept, and the caret is at its end ({@link onFreshLine}, which the caller asks);
 * - the line ended is a line of a dash item ({@link dashItemOf}: its first line, or one it is wrapped onto) and ends with a
 *   full stop or a semicolon, where an item ends (`-- fares will rise;` ⏎ `-- `), not with a word or a comma, where it may go on;
 * - the line is in the body;
 * - the list's items do not stand a blank line apart (`-- fares;` ⏎ ⏎ `-- dues.`), where the Enter under an item makes that blank line.
 * It replaces only the white space Enter left on the new line. On the real cables, cut after an item's last line, the line Enter
 * leaves is the line the cable goes on with in most cases: the next item's dashes, or nothing where the item goes on or the list ends
 * without a full stop (`test/unit/onTypeFormatting.test.ts` counts them); where the list ends there, Enter again takes the dashes away
 * ({@link endDashListOnEnter}).
 */
function nextDashItemOnEnter(cable: Cable, position: Position): TextEdit | undefined {
  const line = position.line;
  const ended = cable.lines[line - 1];
  const last = ended.charCodeAt(trimEndOffset(ended) - 1);
  if (last !== 46 /* . */ && last !== 59 /* ; */) return undefined;
  const item = dashItemOf(cable, line - 1);
  if (!item || !inBody(cable, line)) return undefined;
  // The item above this one a blank line apart: the list leaves a blank line between its items.
  if (spacedList(cable, item.start)) return undefined;
  return { range: { start: { line, character: 0 }, end: position }, newText: listDashes(cable, item) };
}

/** How many items above an item {@link listDashes} reads. */
const MAX_LIST_ITEMS = 50;

/**
 * The first line of the list's first item, `item` in it: the items above it one under the other or a blank line apart, at most
 * {@link MAX_LIST_ITEMS}, each given to `each`.
 */
function listStart(cable: Cable, item: { start: number; dashes: string }, each?: (above: { start: number; dashes: string }) => void): number {
  const lines = linesAsRead(cable);
  let start = item.start;
  for (let n = 0; n < MAX_LIST_ITEMS && start >= 1; n++) {
    const above = isBlank(lines[start - 1]) ? (start >= 2 ? dashItemOf(cable, start - 2) : undefined) : dashItemOf(cable, start - 1);
    if (!above) break;
    each?.(above);
    start = above.start;
  }
  return start;
}

/**
 * The dashes Enter writes for the item after `item` (`-- `, `--`, `--  `, in the item's column): the form most of the list's
 * items in that column take, the items above `item` one under the other or a blank line apart (at most {@link MAX_LIST_ITEMS}),
 * `item`'s own where two forms are as many (a list mixing `--Economic: …` ⏎ `-- Diplomatic: …` ⏎ `--  Cultural: …` goes on
 * with `-- `); for a list's first item, the form most of the cable's items above it in that column take, this one's included
 * (a first item typed `--   Plans …` in a cable writing `--  ` goes on with `--  `).
 */
function listDashes(cable: Cable, item: { start: number; dashes: string }): string {
  const lines = linesAsRead(cable);
  const indent = skipSpaces(item.dashes);
  const counts = new Map<string, number>();
  const add = (dashes: string) => {
    if (skipSpaces(dashes) === indent) counts.set(dashes, (counts.get(dashes) ?? 0) + 1);
  };
  add(item.dashes);
  const start = listStart(cable, item, (above) => add(above.dashes));
  if (start === item.start) {
    for (let k = 0; k < item.start; k++) {
      const m = DASH_ITEM.exec(lines[k]);
      if (m) add(m[0]);
    }
  }
  let best = item.dashes;
  for (const [dashes, n] of counts) if (n > (counts.get(best) ?? 0)) best = dashes;
  return best;
}

/** Whether the dash item opening on line `start` stands a blank line under another item (`-- fares;` ⏎ ⏎ `-- dues;`). */
function spacedList(cable: Cable, start: number): boolean {
  return start >= 2 && isBlank(linesAsRead(cable)[start - 1]) && dashItemOf(cable, start - 2) !== undefined;
}

/**
 * The dash item of a list whose items stand a blank line apart, or may, that `line` ends, when it ends with a full stop or a
 * semicolon and the item stands under a blank line: under another item a blank line apart ({@link spacedList}), or the
 * list's first, opened under a blank line (`Points:` ⏎ ⏎ `-- fares;`), whose writer sets the list's lines apart; undefined
 * otherwise, and outside the body.
 */
function spacedItemEnding(cable: Cable, line: number): { start: number; dashes: string } | undefined {
  if (line < 0) return undefined;
  const ended = cable.lines[line];
  const last = ended.charCodeAt(trimEndOffset(ended) - 1);
  if (last !== 46 /* . */ && last !== 59 /* ; */) return undefined;
  const item = dashItemOf(cable, line);
  return item && item.start >= 1 && isBlank(linesAsRead(cable)[item.start - 1]) && inBody(cable, line) ? item : undefined;
}

/**
 * Enter on the blank line under an item of a list whose items stand a blank line apart (`-- fares;` ⏎ ⏎ `-- dues;` ⏎ ⏎ `|`),
 * or under a list's first item opened under a blank line (`Points:` ⏎ ⏎ `-- fares;` ⏎ ⏎ `|`), writes the next item's dashes
 * there, before the paragraph number's rule ({@link nextParagraphOnEnter}) would write the next paragraph's: on the real cables,
 * where it writes them the cable goes on with an item 83 times in 104, with a paragraph 12 and with something else 9 (under a
 * first item alone, 20 items, 1 paragraph, 2 others; `scripts/dash-items.ts`). Enter again on those dashes ends the list
 * ({@link endSpacedDashListOnEnter}).
 */
function nextSpacedDashItemOnEnter(cable: Cable, position: Position): TextEdit | undefined {
  const line = position.line;
  if (line < 3 || !isBlank(linesAsRead(cable)[line - 1])) return undefined;
  const item = spacedItemEnding(cable, line - 2);
  return item && { range: { start: { line, character: 0 }, end: position }, newText: listDashes(cable, item) };
}

/**
 * Whether `line` stands under a blank line below a dash list's item (`-- dues.` ⏎ ⏎ `|`), in a paragraph that runs over a blank
 * line into a block of its own before the list (a title, more text, another list: `¶5. (C) …` ⏎ ⏎ `Ferries:` ⏎ `-- fares;` ⏎
 * ⏎ `Piers:` ⏎ `-- dues.` ⏎ ⏎ `|`), not counting the blank line right above the list nor a page break's: such a paragraph goes
 * on after its lists more often than the next one opens, and Enter there writes no paragraph number, nor Enter on the dashes
 * of a list a blank line apart. The list may be one whose items end with no stop (`-- 1990 accord (in effect in 1992)` ⏎
 * `-- 2002 accord`), read from its top ({@link dashItemOf} `through`). On the real cables, where this takes the number away
 * under a list, the cable goes on with a title, a page's line or more text 35 times (4 of them under such a list, 09BRASILIA757),
 * and with an item or a paragraph 2 times each, where the number written was not the one the cable has
 * (`scripts/dash-items.ts`); on the dashes, with a title, a line or nothing 4 times, a paragraph once. Inside a document
 * quoted in the paragraph ({@link lastQuotedItem}), the blocks counted are those of the quoted item the list stands under,
 * from its line down (`¶9. (SBU) Text:` ⏎ ⏎ `¶1. …` ⏎ ⏎ `¶2. … areas:` ⏎ ⏎ `-- banking;` ⏎ `-- insurance.` ⏎ ⏎ `|` writes
 * `¶3. `): the quoting paragraph's blocks are the document's items, and the next item follows its list, as in 09BEIJING1582,
 * the corpus's one such list (`scripts/enter-blank-lines.ts`, kind `quoted list`; in `scripts/dash-items.ts`, a paragraph's
 * number under an item and a blank line, right 12 → 13 times). `read`: the quoted items a caller has read in the list's
 * paragraph down to a line at or below the list's top, taken where no item stands from the list's top down (the item found
 * is then the one the list stands under), read again otherwise. `kept`: where no `read` is given and the list's paragraph
 * ends right above the blank line, its items are read down to that last line and kept there, for
 * {@link nextParagraphOnEnter}, which reads them so, to take instead of reading them again.
 */
function underListOfBlocks(cable: Cable, line: number, read?: QuotedRead, kept?: KeptRead): boolean {
  const lines = linesAsRead(cable);
  if (line < 2 || !isBlank(lines[line - 1])) return false;
  const item = dashItemOf(cable, line - 2, true);
  if (!item) return false;
  const first = listStart(cable, item);
  const paragraphs = cable.paragraphs;
  const p = paragraphs[partitionPoint(paragraphs, (q) => q.range.start.line <= first) - 1] as Paragraph | undefined;
  if (!p || p.range.end.line < first) return false;
  // The paragraph's last line right above the blank line: its items are read down to it, as the number's rule reads them.
  if (!read && kept && p.range.end.line === line - 2) read = kept.read = { paragraph: p, end: line - 2, item: lastQuotedItem(cable, p, line - 2) };
  // Inside a quoted document, the blocks are its item's: from the item the list stands under.
  const quoted = read && read.paragraph === p && read.end >= first - 1 && (read.item === undefined || read.item.line < first) ? read.item : lastQuotedItem(cable, p, first - 1);
  let gap = false;
  let page = false;
  for (let k = (quoted ? quoted.line : p.range.start.line) + 1; k < first; k++) {
    if (cable.lineKinds[k] === 'page') page = true;
    else if (isBlank(lines[k])) gap = true;
    else {
      if (gap && !page) return true;
      gap = false;
      page = false;
    }
  }
  return false;
}

/**
 * Enter on a line holding only the dashes {@link nextSpacedDashItemOnEnter} wrote, a blank line under the list's last item, ends
 * the list: the dashes and the new line give way to the next paragraph's number (inside a quoted document, its next item's:
 * {@link markerAfter}) on the dashes' line, where the paragraph
 * number's rule would write it under that blank line (and `paragraphNumbers` allows) and the paragraph has not run into a
 * block of its own before the list ({@link underListOfBlocks}), or to nothing, the caret left at the margin of the dashes' line. One edit, from the dashes' line's start to the caret.
 */
function endSpacedDashListOnEnter(cable: Cable, position: Position, paragraphNumbers: boolean): TextEdit[] | undefined {
  const line = position.line;
  const lines = linesAsRead(cable);
  if (line < 4 || !DASHES_ALONE.test(lines[line - 1]) || !isBlank(lines[line - 2])) return undefined;
  if (!spacedItemEnding(cable, line - 3) || !inBody(cable, line)) return undefined;
  const paragraphs = cable.paragraphs;
  const index = partitionPoint(paragraphs, (p) => p.range.start.line <= line - 3);
  const above = paragraphs[index - 1] as Paragraph | undefined;
  // The quoted items, read once for both rules.
  const read = paragraphNumbers && above ? { paragraph: above, end: line - 3, item: lastQuotedItem(cable, above, line - 3) } : undefined;
  const marker = read && !underListOfBlocks(cable, line - 1, read) ? markerAfter(cable, read.paragraph, index, read.item) : undefined;
  // Under a scan's margin, the number in the column of the markers, the margin as spaces, as the dashes stood.
  const margin = marker === undefined ? 0 : markersMargin(cable, index);
  return [{ range: { start: { line: line - 1, character: 0 }, end: position }, newText: marker === undefined ? '' : ' '.repeat(margin) + marker }];
}

/**
 * Enter on a line that holds only a dash item's dashes (`-- `, as {@link nextDashItemOnEnter} wrote them, nothing typed after
 * them) right under a dash item ends the list, as Enter on an empty REF letter does ({@link endRefListOnEnter}): the dashes go,
 * their line is left blank, and the new line starts at the margin. Two edits: the dashes' line and the white space on the new line.
 */
function endDashListOnEnter(cable: Cable, position: Position): TextEdit[] | undefined {
  const line = position.line;
  if (line < 2) return undefined;
  const above = linesAsRead(cable)[line - 1];
  if (!DASHES_ALONE.test(above) || !dashItemOf(cable, line - 2) || !inBody(cable, line)) return undefined;
  return [
    { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.length } }, newText: '' },
    { range: { start: { line, character: 0 }, end: position }, newText: '' },
  ];
}

/**
 * Whether `position` is at the end of a line Enter has just made under another: empty, or holding only the indentation
 * Enter kept. Each edit below is asked only there.
 */
function onFreshLine(cable: Cable, position: Position): boolean {
  const text = cable.lines[position.line];
  return position.line >= 1 && text !== undefined && position.character === text.length && isBlank(text);
}

/**
 * Enter on a line that holds only the letter Enter wrote ({@link nextRefLetterOnEnter}: `     D. `, the letter and one space,
 * nothing typed after it) ends the REF list, as Enter on an empty item ends a list in other editors: the letter is taken
 * away, its line left blank, and the new line under it starts at the margin, as two Enters after the last item gave before
 * the letter was written (`C. STATE 3` ⏎ `` ⏎ `|`). Two edits: the letter's line and the white space on the new line.
 */
function endRefListOnEnter(cable: Cable, position: Position): TextEdit[] | undefined {
  const line = position.line;
  const refs = cable.refs;
  if (!refs || line < 2) return undefined;
  const above = cable.lines[line - 1];
  if (line - 1 === refs.keyword.range.start.line) return undefined;
  const indent = skipSpaces(above);
  const slot = nextRefSlot(cable, { line: line - 1, character: indent }, above.slice(0, indent));
  if (!slot || above.slice(indent) !== `${slot.label} `) return undefined;
  return [
    { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.length } }, newText: '' },
    { range: { start: { line, character: 0 }, end: position }, newText: '' },
  ];
}

/**
 * The next REF item's letter and a space, written on the line Enter has just made, in the column of the letter above, when:
 * - that line is empty, or holds only the indentation Enter kept, and the caret is at its end ({@link onFreshLine}, which the caller asks);
 * - the line ended holds a lettered REF item with its citation, the field's last so far, alone on its line
 *   (`REF: A. STATE 1234` ⏎ `|` gives `     B. `; a list on one line, `REF: A. STATE 1; B. PARIS 2`, goes on there), and
 *   the line does not end with a hyphen or a comma, where a citation wrapped by hand goes on (`… OCTOBER 28 -` ⏎);
 *   or, in a field whose items stand a blank line apart (`A. …` ⏎ `` ⏎ `B. …`), the blank line under that item;
 * - no item below carries a letter: the items are never relettered.
 * The letter follows the item's (`Z.` gives `AA.`), in its style (`B.`, `B)`, `(B)`, small letters after small ones), as
 * completion writes it: never the release's `¶` in front (`¶B.` gives `C.`), nor a portion marking.
 */
function nextRefLetterOnEnter(cable: Cable, position: Position): TextEdit | undefined {
  const line = position.line;
  const text = cable.lines[line];
  const items = cable.refs?.items;
  if (!items) return undefined;
  // The field's last item: Enter between two items writes nothing.
  const index = items.length - 1;
  const item = items[index] as RefItem | undefined;
  if (!item?.letterToken || item.citation.text === '') return undefined;
  const last = item.range.end.line;
  const apart = items.length >= 2 && items.every((it, i) => i === 0 || it.range.start.line === items[i - 1].range.end.line + 2);
  if (last === line - 1 ? apart : last !== line - 2 || !apart || cable.lineKinds[line - 1] !== 'blank') return undefined;
  const start = item.letterToken.range.start;
  if (start.line !== last || (index > 0 && items[index - 1].range.end.line === last)) return undefined;
  const ended = cable.lines[last];
  const end = ended.charCodeAt(trimEndOffset(ended) - 1);
  if (end === 45 /* - */ || end === 44 /* , */) return undefined;
  const slot = nextRefSlot(cable, position, text);
  if (!slot) return undefined;
  // The white space before the letter above, or as many spaces as "REF: " is wide.
  const before = ended.slice(0, start.character);
  let indent = before;
  for (let k = 0; k < before.length; k++) if (!isSpace(before.charCodeAt(k))) indent = ' '.repeat(start.character);
  return { range: { start: { line, character: 0 }, end: position }, newText: `${indent}${slot.label} ` };
}

/**
 * The next paragraph's marker, inserted at `position` on the line Enter has just made (under a scan's margin, from the line's
 * start, past the margin as spaces), when:
 * - that line is empty, or holds only the indentation Enter kept, and the caret is at its end ({@link onFreshLine}, which the caller asks);
 * - the line ended is a numbered paragraph's last line, in a cable whose paragraphs follow each other with no blank line
 *   between and stand on one line each, most of them, as this one does ("¶4. (C) … met." ⏎ "|"), or a blank line right under such a last line, whatever
 *   the cable's spacing ("¶4. (C) … met." ⏎ "" ⏎ "|"); a paragraph wrapped over lines by hand, or a list under its
 *   text, gets it only from the blank line, since Enter at the end of one of its lines may go on with it;
 * - that paragraph holds text after its marker and marking (Enter under a bare "¶5. " writes no "¶6.");
 * - that paragraph's last line does not end with a colon ("¶3. (U) Participants:", "… specifically to focus on:"), which
 *   introduces a list, a title or a quotation: on the real cables, under each of the 46 such lines where a number was
 *   written on the blank line below and the 6 where it was written right under one, the cable goes on with no paragraph's
 *   or quoted item's number (09BEIJING1582's quoted ¶10 with a dash list; `scripts/enter-blank-lines.ts`, `under a colon`);
 * - the line is in the body: not in the header, the metadata fields (REF, TAGS and the rest) or the caveats, and above
 *   the signature and the trailer;
 * - no paragraph below carries the next number already: the paragraphs are never renumbered, and a paragraph written
 *   between two others gets nothing.
 * The number follows the paragraph's (as it is read: `¶ 13.` for 3 gives 4), in the marker style most paragraphs down to it write ({@link newMarkerStyle}), as completion writes it.
 * `read`: the quoted items {@link underListOfBlocks} has read, taken where they are the paragraph's down to its last line.
 */
function nextParagraphOnEnter(cable: Cable, position: Position, read?: QuotedRead): TextEdit | undefined {
  const line = position.line;
  const paragraphs = cable.paragraphs;
  const index = partitionPoint(paragraphs, (p) => p.range.start.line < line);
  const above = paragraphs[index - 1] as Paragraph | undefined;
  if (!above) return undefined;
  const last = above.range.end.line;
  const underText = last === line - 1;
  const underBlank = last === line - 2 && cable.lineKinds[line - 1] === 'blank';
  if (!underText && !underBlank) return undefined;
  // Text that ends with a colon introduces what follows it (a list, a title, a quotation), not the next paragraph.
  const ended = cable.lines[last];
  if (ended.charCodeAt(trimEndOffset(ended) - 1) === 58 /* : */) return undefined;
  // Right under the text, only where the paragraphs follow each other with no blank line and stand on one line each.
  if (underText && (above.range.start.line !== last || !paragraphsPacked(cable) || wrapped(paragraphs))) return undefined;
  if (!inBody(cable, line)) return undefined;
  const quoted = !underBlank ? undefined : read && read.paragraph === above && read.end === last ? read.item : lastQuotedItem(cable, above, last);
  const marker = underBlank ? markerAfter(cable, above, index, quoted) : nextMarker(cable, above, index);
  if (marker === undefined) return undefined;
  // Under a scan's margin (`| ¶4. (C) …` ⏎ `|`), in the column of the markers, the margin as spaces: the new line has none.
  const margin = markersMargin(cable, index);
  if (margin === 0) return { range: { start: position, end: position }, newText: marker };
  return { range: { start: { line, character: 0 }, end: position }, newText: ' '.repeat(margin) + marker };
}

/**
 * How wide a scan's margin is on the line of the nearest marker, of the paragraphs before `index`, that stands past it
 * (`| ¶4. (C) …`): the column of the cable's markers, where Enter writes the next one, the margin as spaces. A paragraph
 * typed without the margin (`¶5. (C) …` at the line's first column, or past Enter's spaces, `  ¶5. (C) …`, which the parser
 * reads as they stand) is passed over, so that the next number goes where the scan's numbers stand, not where one typed
 * line put its own; 0 where no marker stands past a margin (no margin, or every paragraph typed without it).
 */
function markersMargin(cable: Cable, index: number): number {
  if (cable.margin === undefined) return 0;
  const paragraphs = cable.paragraphs;
  for (let i = index - 1; i >= 0; i--) {
    const width = marginWidth(cable, paragraphs[i].marker.range.start.line);
    if (width > 0) return width;
  }
  return 0;
}

/**
 * The items of a document quoted in `paragraph` read down to line `end` ({@link lastQuotedItem}): its last `item`, or
 * undefined where it quotes none.
 */
interface QuotedRead {
  readonly paragraph: Paragraph;
  readonly end: number;
  readonly item: ReturnType<typeof lastQuotedItem>;
}

/** The quoted items one rule has read for an Enter ({@link underListOfBlocks}), for the next to take ({@link nextParagraphOnEnter}). */
interface KeptRead {
  read: QuotedRead | undefined;
}

/**
 * The marker and space Enter writes under a line of paragraph `above` (its last, or a list's in it), `quoted` the last item
 * of a document quoted in it down to that line ({@link lastQuotedItem}): under such an item, the document's next number in its
 * items' style; else the next paragraph's ({@link nextMarker}).
 */
function markerAfter(cable: Cable, above: Paragraph, index: number, quoted: ReturnType<typeof lastQuotedItem>): string | undefined {
  if (!quoted) return nextMarker(cable, above, index);
  return quoted.number < 999 ? `${markerText(quoted.number + 1, quoted.style)} ` : undefined;
}

/**
 * The marker and space of the paragraph after `above` (`¶5. `), in the cable's style: undefined where `above` holds no text,
 * the number would pass 999, or a paragraph from `index` on has it.
 */
function nextMarker(cable: Cable, above: Paragraph, index: number): string | undefined {
  const paragraphs = cable.paragraphs;
  if (!holdsText(cable, above)) return undefined;
  const number = above.readAs + 1;
  if (number > 999) return undefined;
  for (let i = index; i < paragraphs.length; i++) if (paragraphs[i].readAs === number) return undefined;
  return `${markerText(number, newMarkerStyle(paragraphs, above))} `;
}

/** Whether a paragraph holds text after its marker and marking: a line below its first, or words after them on it. */
function holdsText(cable: Cable, p: Paragraph): boolean {
  const first = p.marker.range.start.line;
  if (p.range.end.line > first) return true;
  const portion = p.portion?.token.range.end;
  const from = portion && portion.line === first ? portion.character : p.marker.range.end.character;
  const end = p.range.end.character;
  return skipSpaces(cable.lines[first].slice(0, end), from) < end;
}

/** Whether most of the paragraphs run over more than one line: their writer ends lines with Enter inside a paragraph. */
function wrapped(paragraphs: readonly Paragraph[]): boolean {
  let count = 0;
  for (const p of paragraphs) if (p.range.end.line !== p.range.start.line) count++;
  return count * 2 > paragraphs.length;
}
