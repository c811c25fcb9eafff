/**
 * Dropping cable files into a cable (`cable/dropCitations`, which the VS Code client's drop provider asks, as Markdown's
 * inserts a link to a file dropped into a document): what goes in at the drop's place, read from where it is.
 *
 * - On the line where the REF field's next item goes (right under its last item, or after `REF:`), a REF item for each
 *   cable, lettered on from the field's last item in its style (`B. 09 PARIS 708` ⏎ `C. VALLETTA 388`). Written on a
 *   blank line with text right under it, they end with a line break, so that a blank line stays above that text.
 * - On a blank line between the subject and the body's first line of a cable without a REF field, the field itself
 *   (`REF: A. 09 PARIS 708`).
 * - In the text under the metadata, when the REF field cites every cable dropped, the in-text reference to its items
 *   (`ref B`, `refs B and C`; `REF B`, `REFS B AND C` in a text written in capitals).
 * - Anywhere else, each cable's citation (`09 PARIS 708`), separated by commas.
 * An in-text reference or citation dropped against a word gets a space between them (`met ref A.`).
 *
 * Each cable is cited as completion writes it ({@link citationOf}): `PARIS 708` for one this cable's year reads back as
 * its own. The insertion is only text at the drop's place; nothing else in the document changes.
 */
import type { Position } from 'vscode-languageserver';
import { citationOf, citedId } from '../core/id';
import type { Cable } from '../core/model';
import { linesAsRead } from '../core/parse/margin';
import { isWordCharacter } from '../core/text';
import { metadataEnd, nextRefSlot, refLetter } from './completion';
import type { IndexedCable } from './types';

/** What goes in at the drop's place, and what it is (for the drop's label in the editor). */
export interface DropCitations {
  readonly text: string;
  readonly kind: 'refItems' | 'refField' | 'inTextReference' | 'citations';
}

/**
 * What to insert at `position` of `cable` for the cables `dropped` (as the workspace index holds them; those without an id
 * with a year, and this cable itself, are left out). `citingId` is the id this cable's file name gives, for a cable whose
 * text gives none. Undefined when no cable dropped can be cited, so that the editor inserts what it would have.
 */
export function getDropCitations(cable: Cable, position: Position, dropped: readonly IndexedCable[], citingId?: string): DropCitations | undefined {
  const ownId = cable.id ?? citingId;
  const cited: { id: string; citation: string }[] = [];
  for (const c of dropped) {
    if (c.id === undefined || c.id === ownId || cited.some((k) => k.id === c.id)) continue;
    const citation = citationOf(c.id, ownId, c.post);
    if (citation !== undefined) cited.push({ id: c.id, citation });
  }
  if (cited.length === 0) return undefined;
  // Past a scan's margin (`| `, `07 `), as the parser reads the line: a line of the margin alone is blank.
  const line = linesAsRead(cable)[position.line] ?? '';
  // Where the next item goes, with nothing of it typed before the caret.
  const slot = nextRefSlot(cable, position, line);
  if (slot && slot.start === position.character) return { text: refItems(slot.label, cited) + keepBlank(cable, position.line), kind: 'refItems' };
  // Right after a "REF:" that nothing follows: the first items, after the space that "REF: " has.
  const keyword = cable.refs?.keyword.range.end;
  if (keyword?.line === position.line && keyword.character === position.character && line.slice(position.character).trim() === '') {
    const spaced = nextRefSlot(cable, { line: position.line, character: position.character + 1 }, `${line.slice(0, position.character)} `);
    if (spaced) return { text: ` ${refItems(spaced.label, cited)}${keepBlank(cable, position.line)}`, kind: 'refItems' };
  }
  // Above the body's first line: not under a summary or a line of text that the first numbered paragraph follows.
  const bodyStart = Math.min(cable.paragraphs[0]?.range.start.line ?? cable.lines.length, cable.bodyStartLine);
  if (!cable.refs && cable.subject && line.trim() === '' && position.line > cable.subject.range.end.line && position.line < bodyStart) {
    return { text: `REF: ${refItems(refLetter('A', undefined), cited)}${keepBlank(cable, position.line)}`, kind: 'refField' };
  }
  const letters = cited.map((c) => cable.refs?.items.find((item) => citedId(item, ownId) === c.id)?.letter);
  if (position.line > Math.max(metadataEnd(cable), cable.bodyStartLine - 1) && letters.every((l) => l !== undefined)) {
    const unique = [...new Set(letters as string[])];
    const capitals = writtenInCapitals(cable, position.line);
    const keyword = unique.length > 1 ? (capitals ? 'REFS' : 'refs') : capitals ? 'REF' : 'ref';
    const list = unique.length > 1 ? `${unique.slice(0, -1).join(', ')} ${capitals ? 'AND' : 'and'} ${unique.at(-1)}` : unique[0];
    return { text: apart(line, position.character, `${keyword} ${list}`), kind: 'inTextReference' };
  }
  return { text: apart(line, position.character, cited.map((c) => c.citation).join(', ')), kind: 'citations' };
}

/**
 * The REF items citing `cited`, one a line, the first labelled `label` (`B.`, `(b)`) and the next lettered on in its style
 * to Z; a cable past Z is cited on the last item's line.
 */
function refItems(label: string, cited: readonly { citation: string }[]): string {
  const items: string[] = [];
  let letter = label.replace(/[^A-Za-z]/g, '');
  for (const c of cited) {
    if (items.length > 0 && letter.toUpperCase() < 'Z') letter = String.fromCharCode(letter.charCodeAt(0) + 1);
    else if (items.length > 0) {
      items[items.length - 1] += `, ${c.citation}`;
      continue;
    }
    items.push(`${label.replace(/[A-Za-z]/, letter)} ${c.citation}`);
  }
  return items.join('\n');
}

/**
 * `text` with a space before it and after it where it would otherwise run into a word of `line` at `at` (`met|.` gives
 * `met ref A.`), an underscore counting as a word's, as the editor's word selection takes it (`file_|` gives `file_ 08 PARIS 1234`).
 */
function apart(line: string, at: number, text: string): string {
  const wordy = (c: string | undefined) => c === '_' || isWordCharacter(c);
  return `${wordy(line[at - 1]) ? ' ' : ''}${text}${wordy(line[at]) ? ' ' : ''}`;
}

/**
 * A line break after lines written on the blank line `line` when text follows right under it, so that the blank line
 * between them stays (the REF field's new item and the paragraph under it): empty otherwise.
 */
function keepBlank(cable: Cable, line: number): string {
  const lines = linesAsRead(cable);
  const next = lines[line + 1];
  return lines[line].trim() === '' && next !== undefined && next.trim() !== '' ? '\n' : '';
}

/**
 * Whether the text at `line` is written in capitals: the nearest line at or above it with letters has no small one. A
 * marking's letters are none (`¶2. (C) ` opening a paragraph in a text in small letters).
 */
function writtenInCapitals(cable: Cable, line: number): boolean {
  for (let l = line; l >= 0 && l >= line - 50; l--) {
    const text = cable.lines[l].replace(MARKING_LIKE, '');
    if (/[a-z]/.test(text)) return false;
    if (/[A-Z]/.test(text)) return true;
  }
  return false;
}

// A portion marking or any capitals in brackets (`(C)`, `(S/NF)`, `(SBU)`), which say nothing of how the text is written.
const MARKING_LIKE = /\([A-Z/]{1,12}\)/g;
