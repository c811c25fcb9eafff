/**
 * Formatting on type: Enter at the end of a numbered paragraph, or on the blank line under it, writes the next
 * paragraph's number on the new line, in the cable's marker style (`¶5. `, `¶ 5. `, `5. `), as the next paragraph's
 * marker completion does; never a portion marking, which is the writer's choice (completion offers it after the `(`).
 */
import type { Position, TextEdit } from 'vscode-languageserver';
import type { Cable, Paragraph } from '../core/model';
import { partitionPoint, skipSpaces } from '../core/text';
import { inBody, markerText, newMarkerStyle, paragraphsPacked } from './completion';

/**
 * The edits after `typed` was typed at `position` (`textDocument/onTypeFormatting`): for Enter (`\n`), the next paragraph's
 * marker and a space at the caret on the new line ({@link nextParagraphOnEnter}); nothing for any other character.
 */
export function getOnTypeFormattingEdits(cable: Cable, position: Position, typed: string): TextEdit[] {
  if (typed !== '\n') return [];
  const edit = nextParagraphOnEnter(cable, position);
  return edit ? [edit] : [];
}

/**
 * The next paragraph's marker, inserted at `position` on the line Enter has just made, when:
 * - that line is empty, or holds only the indentation Enter kept, and the caret is at its end;
 * - the line ended is a numbered paragraph's last line, in a cable whose paragraphs follow each other with no blank line
 *   between and stand on one line each, most of them, as this one does ("¶4. (C) … met." ⏎ "|"), or a blank line right under such a last line, whatever
 *   the cable's spacing ("¶4. (C) … met." ⏎ "" ⏎ "|"); a paragraph wrapped over lines by hand, or a list under its
 *   text, gets it only from the blank line, since Enter at the end of one of its lines may go on with it;
 * - that paragraph holds text after its marker and marking (Enter under a bare "¶5. " writes no "¶6.");
 * - the line is in the body: not in the header, the metadata fields (REF, TAGS and the rest) or the caveats, and above
 *   the signature and the trailer;
 * - no paragraph below carries the next number already: the paragraphs are never renumbered, and a paragraph written
 *   between two others gets nothing.
 * The number follows the paragraph's (as it is read: `¶ 13.` for 3 gives 4), in its marker style, as completion writes it.
 */
export function nextParagraphOnEnter(cable: Cable, position: Position): TextEdit | undefined {
  const line = position.line;
  const text = cable.lines[line];
  if (line < 1 || text === undefined || position.character !== text.length || skipSpaces(text) !== text.length) return undefined;
  const paragraphs = cable.paragraphs;
  const index = partitionPoint(paragraphs, (p) => p.range.start.line < line);
  const above = paragraphs[index - 1] as Paragraph | undefined;
  if (!above) return undefined;
  const last = above.range.end.line;
  const underText = last === line - 1;
  const underBlank = last === line - 2 && cable.lineKinds[line - 1] === 'blank';
  if (!underText && !underBlank) return undefined;
  // Right under the text, only where the paragraphs follow each other with no blank line and stand on one line each.
  if (underText && (above.range.start.line !== last || !paragraphsPacked(cable) || wrapped(paragraphs))) return undefined;
  if (!holdsText(cable, above) || !inBody(cable, line)) return undefined;
  const number = above.readAs + 1;
  if (number > 999) return undefined;
  for (let i = index; i < paragraphs.length; i++) if (paragraphs[i].readAs === number) return undefined;
  return { range: { start: position, end: position }, newText: `${markerText(number, newMarkerStyle(paragraphs, above))} ` };
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
