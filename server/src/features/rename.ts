/**
 * Rename (F2) of a REF item's letter or a paragraph's number: the letter in the
 * REF item ("B." in "REF: A. … B. …", both letters of "¶B. (B) …") or the number in the paragraph marker
 * ("5" in "¶5."), and every in-text reference that resolves to it ("(REF B)",
 * "refs A and B", "para 5", the 5 of "paras 4-5"), as Go to Definition resolves them.
 */
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../core/fix';
import type { Cable } from '../core/model';
import { parseCable, type ParseOptions } from '../core/parse/index';
import { marginWidth } from '../core/parse/margin';
import { isLevelLetter, refLetterAt, refLetterOrdinal } from '../core/parse/metadata';
import { contains, samePosition } from '../core/text';
import { findInTextReferencesOnLine, findResolvableReferences, paragraphsNamed, resolveInText, type InTextReference } from '../core/mentions';

/** Why a position cannot be renamed, or a new name cannot be given, in words to show the user. */
export interface RenameRejection {
  readonly reason: string;
}

/** The letter or number under the caret and its current value, for the rename box. */
export interface RenamePlaceholder {
  readonly range: Range;
  readonly placeholder: string;
}

/** What a rename renames: the index of a lettered REF item or of a paragraph, and the range of its letter or number. */
interface Target {
  readonly kind: 'ref' | 'paragraph';
  readonly index: number;
  readonly name: Range;
}

const rejected = (reason: string): RenameRejection => ({ reason });
const WHAT = 'Only a REF item\'s letter, a paragraph\'s number, or a reference to one ("ref B", "para 5") can be renamed.';

function textOf(cable: Cable, r: Range): string {
  return cable.lines[r.start.line].slice(r.start.character, r.end.character);
}

/** The REF item or paragraph an in-text reference resolves to, as a {@link Target} key ("r2", "p4"), or "-" for nothing. */
function targetKey(cable: Cable, ref: InTextReference): string {
  const t = resolveInText(cable, ref);
  if (!t) return '-';
  if (ref.target.kind === 'paragraph') return `p${cable.paragraphs.findIndex((p) => samePosition(p.marker.range.start, t.start))}`;
  return `r${(cable.refs?.items ?? []).findIndex((i) => samePosition(i.range.start, t.start))}`;
}

/** The range of the letter inside a REF item's letter token ("B" in "¶B." or "(B)"). */
function letterRange(token: { text: string; range: Range }): Range {
  const at = token.text.search(/[A-Za-z]/);
  const start = token.range.start.character + Math.max(0, at);
  return { start: { line: token.range.start.line, character: start }, end: { line: token.range.start.line, character: start + 1 } };
}

/** The reference of `refs` at a position: "refs A,B" with the caret between A and the comma is on A; on "refs" it is on A too. */
function mentionAt(refs: readonly InTextReference[], position: Position): InTextReference | undefined {
  return refs.find((r) => r.nameRange && contains(r.nameRange, position)) ?? refs.find((r) => contains(r.range, position));
}

/**
 * The target at a position and the range of the letter or number there, or why there is none. `refs` are the references
 * that may point at something ({@link findResolvableReferences}); in a cable without REF items, those to paragraphs alone,
 * and a REF letter at the position ("ref B", "reftel") is read from its line, to say why it names nothing to rename.
 */
function targetAt(cable: Cable, refs: readonly InTextReference[], position: Position): { target: Target; at: Range } | RenameRejection {
  const mention = mentionAt(refs, position) ?? ((cable.refs?.items.length ?? 0) > 0 ? undefined : mentionAt(findInTextReferencesOnLine(cable, position.line), position));
  if (mention) {
    const written = textOf(cable, mention.range);
    if (!mention.nameRange) return rejected(`"${written}" names no letter to rename: rename the REF item's letter instead.`);
    const key = targetKey(cable, mention);
    if (key === '-') return rejected(`"${written}" names no ${mention.target.kind === 'ref' ? 'REF item' : 'paragraph'} in this cable.`);
    const index = Number(key.slice(1));
    // "para 3" where two paragraphs are numbered 3: which one it means is the writer's to say.
    const twice = paragraphsNamed(cable, mention);
    if (twice.length > 0) {
      const lines = twice.map((p) => p.marker.range.start.line + 1).join(', ');
      return rejected(`"${written}" may name any of the paragraphs numbered ${twice[0].readAs} (lines ${lines}): rename the marker of the one it means.`);
    }
    if (mention.target.kind === 'paragraph') return { target: { kind: 'paragraph', index, name: cable.paragraphs[index].numberToken.range }, at: mention.nameRange };
    const letter = cable.refs!.items[index].letterToken;
    // "REF: PARIS 12; LONDON 34" and "(ref B)": the letter counts the items, and no item has one to rename.
    if (!letter) return rejected(`The REF items have no letters: "${written}" counts them in order, and there is no letter to rename.`);
    return { target: { kind: 'ref', index, name: letterRange(letter) }, at: mention.nameRange };
  }
  const items = cable.refs?.items ?? [];
  const item = items.findIndex((i) => i.letterToken !== undefined && contains(i.letterToken.range, position));
  if (item >= 0) {
    const name = letterRange(items[item].letterToken!);
    return { target: { kind: 'ref', index: item, name }, at: name };
  }
  // "¶B. (B) MADRID 156": the letter written first is renamed with the item's own.
  const doubled = items.findIndex((i) => i.doubledLetter !== undefined && contains(i.doubledLetter.range, position));
  if (doubled >= 0) return { target: { kind: 'ref', index: doubled, name: letterRange(items[doubled].letterToken!) }, at: letterRange(items[doubled].doubledLetter!) };
  if (items.some((i) => contains(i.range, position))) return rejected('Rename a REF item from its letter ("B." in "B. 09 STATE 12345").');
  const paragraph = cable.paragraphs.findIndex((p) => contains(p.marker.range, position));
  if (paragraph >= 0) {
    const name = cable.paragraphs[paragraph].numberToken.range;
    return { target: { kind: 'paragraph', index: paragraph, name }, at: name };
  }
  return rejected(WHAT);
}

/** The current value of a target: the item's letter, or the number the paragraph is read as. */
function valueOf(cable: Cable, target: Target): string {
  return target.kind === 'ref' ? cable.refs!.items[target.index].letter! : String(cable.paragraphs[target.index].readAs);
}

/**
 * Answers `textDocument/prepareRename`: the range of the letter or number under
 * the caret (in the REF item, the paragraph marker or an in-text reference) with
 * its value as the placeholder, or why nothing there can be renamed. A marker the
 * pilcrow artifact turned into "¶ 13." offers 3, the number it is read as.
 */
export function prepareRename(cable: Cable, position: Position): RenamePlaceholder | RenameRejection {
  const found = targetAt(cable, findResolvableReferences(cable), position);
  if ('reason' in found) return found;
  // A mention keeps its own case ("ref b" offers "b").
  const written = textOf(cable, found.at);
  const value = valueOf(cable, found.target);
  return { range: found.at, placeholder: found.target.kind === 'ref' && written !== written.toUpperCase() ? value.toLowerCase() : value };
}

/**
 * Answers `textDocument/rename`: edits that write the new letter or number over the
 * one in the REF item or paragraph marker and over each in-text reference that
 * resolves to it, and nothing else (the other letters and numbers of a list, the
 * keyword, the marker's "¶" and full stop stay as written). A letter keeps the case
 * of each place it replaces ("REF B" becomes "REF C", "(ref b)" becomes "(ref c)").
 *
 * The new name is one letter from A to Z for a REF item, a number from 1 to 999 for
 * a paragraph. A rename is refused when another REF item or paragraph already has
 * the new name, and when the cable read again after it would point any reference
 * elsewhere, lose or gain a REF item, a paragraph or a reference, or read another
 * paragraph's number or item's letter differently: it never changes what the cable says.
 *
 * With a letter used by two items, the rename takes the one under the caret and, for the
 * first, the references that name it (`inTextTarget`), as Go to Definition sends "ref B" to the
 * first. A number two paragraphs are read as is renamed in the marker under the caret alone,
 * from the first and the second alike, since Go to Definition and highlights send "para 3" to
 * both paragraphs numbered 3 and only the writer knows which it means; such a reference may then
 * name the one that keeps the number. At the reference ("para 3") the rename is refused. `options` are those `cable` was
 * parsed with (the user dictionaries' TAG codes), with which the edited text is read again.
 */
export function getRenameEdits(cable: Cable, position: Position, newName: string, options?: ParseOptions): { edits: TextEdit[] } | RenameRejection {
  const refs = findResolvableReferences(cable);
  const found = targetAt(cable, refs, position);
  if ('reason' in found) return found;
  const { target } = found;
  const name = newName.trim();
  let value: string;
  if (target.kind === 'ref') {
    if (!/^[A-Za-z]$/.test(name)) return rejected(`A REF item's letter is one letter from A to Z, not "${newName}".`);
    value = name.toUpperCase();
    if (value === valueOf(cable, target)) return { edits: [] };
    if (cable.refs!.items.some((i, k) => k !== target.index && i.letter === value)) return rejected(`REF ${value} already exists: rename it first, or choose another letter.`);
  } else {
    if (!/^\d{1,3}$/.test(name) || Number(name) === 0) return rejected(`A paragraph number is a number from 1 to 999, not "${newName}".`);
    value = String(Number(name));
    const paragraph = cable.paragraphs[target.index];
    if (value === paragraph.numberToken.text && paragraph.readAs === paragraph.number) return { edits: [] };
    if (cable.paragraphs.some((p, k) => k !== target.index && String(p.readAs) === value)) return rejected(`Paragraph ${value} already exists: renumber it first, or choose another number.`);
  }
  // Each place keeps its own case: the item's "b." and a mention's "REF B" alike.
  const write = (r: Range): TextEdit => {
    const old = textOf(cable, r);
    return { range: r, newText: target.kind === 'ref' && old !== old.toUpperCase() ? value.toLowerCase() : value };
  };
  const key = `${target.kind === 'ref' ? 'r' : 'p'}${target.index}`;
  const edits = [write(target.name)];
  const doubled = target.kind === 'ref' ? cable.refs!.items[target.index].doubledLetter : undefined;
  if (doubled) edits.unshift(write(letterRange(doubled)));
  // "para 3" where two paragraphs are numbered 3 may mean either: from either marker, the marker alone is renamed.
  const shared = target.kind === 'paragraph' && cable.paragraphs.some((p, k) => k !== target.index && p.readAs === cable.paragraphs[target.index].readAs);
  if (!shared) for (const r of refs) if (r.nameRange && !samePosition(r.nameRange.start, target.name.start) && targetKey(cable, r) === key) edits.push(write(r.nameRange));
  const problem = changedMeaning(cable, refs, applyEdits(cable.text, edits), target, value, options);
  return problem ? rejected(problem) : { edits };
}

/** What the edited text would read differently from the cable, besides the renamed letter or number, or undefined. */
function changedMeaning(cable: Cable, refs: readonly InTextReference[], edited: string, target: Target, value: string, options: ParseOptions | undefined): string | undefined {
  const after = parseCable(edited, options).cable;
  const items = cable.refs?.items ?? [];
  const itemsAfter = after.refs?.items ?? [];
  if (itemsAfter.length !== items.length) return refFieldChange(cable, after, target, value);
  if (after.paragraphs.length !== cable.paragraphs.length) {
    return target.kind === 'paragraph' ? `With ${value}, the marker would no longer number a paragraph.` : `With ${value}, the cable would read as ${after.paragraphs.length} paragraphs instead of ${cable.paragraphs.length}.`;
  }
  for (let k = 0; k < items.length; k++) {
    const want = target.kind === 'ref' && k === target.index ? value : items[k].letter;
    if (itemsAfter[k].letter !== want) {
      // "(A) STATE 1111" ⏎ "(C)NOWHERE 33": a letter in parentheses glued to its citation that the parser reads as a marking.
      const marking = itemsAfter[k].letter === undefined && itemsAfter[k].marking?.token.text;
      return `With ${value}, REF item ${k + 1} would read as ${itemsAfter[k].letter ?? 'unlettered'}${marking ? `, ${marking} its portion marking (a letter in parentheses glued to its citation, in a marking's shape, is a letter only right after the one before it, in parentheses too)` : ''}.`;
    }
  }
  for (let k = 0; k < cable.paragraphs.length; k++) {
    const want = target.kind === 'paragraph' && k === target.index ? Number(value) : cable.paragraphs[k].readAs;
    if (after.paragraphs[k].readAs !== want) {
      const written = cable.paragraphs[k].marker.text;
      return k === target.index ? `"${written}" renumbered ${value} would read as ${after.paragraphs[k].readAs}.` : `Paragraph "${written}" would then read as ${after.paragraphs[k].readAs}.`;
    }
  }
  // The same kind of reading as `refs`: the REF field has as many items after the rename as before.
  const refsAfter = findResolvableReferences(after);
  if (refsAfter.length !== refs.length) return `With ${value}, other text would read as a reference, or a reference as plain text ("ref a" in prose is the word "a").`;
  for (let k = 0; k < refs.length; k++) {
    // "para 3" where two paragraphs were numbered 3 may go to the one that keeps the number: it named either.
    const either = paragraphsNamed(cable, refs[k]).map((p) => `p${cable.paragraphs.indexOf(p)}`);
    const afterKey = targetKey(after, refsAfter[k]);
    if (either.length > 0 ? !either.includes(afterKey) : targetKey(cable, refs[k]) !== afterKey) {
      return `With ${value}, "${textOf(cable, refs[k].range)}" on line ${refs[k].range.start.line + 1} would point elsewhere.`;
    }
  }
  return undefined;
}

/** The three letters that may go on a REF field after a blank line when `last` is the letter before ("B, C or D" after A; "AA, BB or CC" after Z). */
function nextLetters(last: string | undefined): string {
  const from = last === undefined ? 1 : refLetterOrdinal(last) + 1;
  const letters = [0, 1, 2].map((k) => refLetterAt(from + k)).filter((l) => l !== undefined);
  return letters.length === 0 ? 'none' : letters.length === 1 ? letters[0] : `${letters.slice(0, -1).join(', ')} or ${letters[letters.length - 1]}`;
}

/**
 * Why the REF field would read as fewer or more items after the rename, in words. The parser takes a lettered
 * line after a blank line into the REF field only when its letter is one of the three after the item before
 * it ("A. …" ⏎ ⏎ "¶B. …"), which tells a REF item from a lettered line of the text: a new letter can end the
 * field early, or make it take in a line of the text.
 */
function refFieldChange(cable: Cable, after: Cable, target: Target, value: string): string {
  const items = cable.refs?.items ?? [];
  const itemsAfter = after.refs?.items ?? [];
  // The first item read differently; the rename writes no line break, so lines stay where they were.
  let k = 0;
  while (k < items.length && k < itemsAfter.length && samePosition(items[k].range.start, itemsAfter[k].range.start)) k++;
  const letterAfter = (j: number) => (target.kind === 'ref' && j === target.index ? value : items[j].letter);
  let before: string | undefined;
  for (let j = 0; j < k; j++) before = letterAfter(j) ?? before;
  // Quoted past a scan's margin (`| `, `07 `), the cable's before the rename, which moves no line.
  const quoted = (line: number) => {
    const text = after.lines[line].slice(marginWidth(cable, line)).trim();
    return `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}" on line ${line + 1}`;
  };
  // "(B) STATE 1111" ⏎ ⏎ "(C)NOWHERE 22": a letter in parentheses glued to its citation with a portion marking's shape only
  // right after a letter in parentheses (`gluedLetterFollows` in the parser); elsewhere it is the item's marking.
  const item = itemsAfter.length < items.length ? items[k] : itemsAfter[k];
  const token = item.letterToken;
  const lineText = token === undefined ? '' : (itemsAfter.length < items.length ? cable : after).lines[token.range.end.line];
  const letter = (itemsAfter.length < items.length ? letterAfter(k) : item.letter)?.toUpperCase();
  const markingShaped = token !== undefined && token.text.includes('(') && /[A-Za-z0-9]/.test(lineText.charAt(token.range.end.character)) && letter !== undefined && isLevelLetter(letter);
  const rule = markingShaped
    ? `a letter in parentheses glued to its citation, (${letter}) as a portion marking is written, is a REF item's letter only right after the one before it, in parentheses too`
    : `after a blank line, the REF field goes on only with one of the three letters after the item before it (${nextLetters(before)}${before === undefined ? '' : ` after ${before}`})`;
  if (itemsAfter.length < items.length) {
    const lost = items.length - itemsAfter.length;
    const letter = letterAfter(k) ?? '?';
    return `With ${value}, ${quoted(items[k].range.start.line)} would no longer be a REF item: ${rule}, not ${letter}. The field would end there, and ${lost === 1 ? 'that item' : lost === 2 ? 'that item and the one after it' : `that item and the ${lost - 1} after it`} would read as the cable's text.`;
  }
  const taken = itemsAfter[k];
  return `With ${value}, ${quoted(taken.range.start.line)} would be read as a REF item: ${rule}, and ${taken.letter ?? 'its letter'} would be one of them.`;
}
