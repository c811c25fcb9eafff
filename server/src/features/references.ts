/**
 * Go to Definition and highlights for in-text references ("(ref C)", "para 5"),
 * which `core/mentions.ts` reads and resolves.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Position, type Range } from 'vscode-languageserver-types';
import { allItemsNamed, findCitedParagraphsOnLine, findInTextReferences, findInTextReferencesOnLine, inTextTarget, paragraphsNamed, resolveInText, type CitedParagraphMention } from '../core/mentions';
import type { Cable, Paragraph, RefItem } from '../core/model';
import { contains } from '../core/text';

/** Where Go to Definition goes in a document: the whole target (a REF item, a paragraph) and the part of it to select. */
export interface DefinitionTarget {
  readonly uri: string;
  readonly range: Range;
  readonly selection: Range;
}

/**
 * Go to definition for an in-text reference at a position: only the references of its line are read, as a hover reads them.
 * The answer's `origin` is the reference's text (`ref A`, `paras 3`, the `4` of `paras 3-4`), which an editor that takes
 * links underlines; each target is a REF item (selected whole, as it was) or a paragraph (its marker selected, the
 * paragraph's text what a peek or a Ctrl+hover shows). A plural keyword alone ("(refs)", "see reftels") goes to every
 * REF item, which VS Code lists to pick from, and a number two paragraphs are read as goes to both.
 */
export function getInTextDefinition(cable: Cable, uri: string, position: Position): { origin: Range; targets: DefinitionTarget[] } | undefined {
  const ref = findInTextReferencesOnLine(cable, position.line).find((r) => contains(r.range, position));
  if (!ref) return undefined;
  const item = (i: RefItem): DefinitionTarget => ({ uri, range: i.range, selection: i.range });
  const paragraph = (p: Paragraph): DefinitionTarget => ({ uri, range: p.range, selection: p.marker.range });
  const all = allItemsNamed(cable, ref);
  if (all.length > 0) return { origin: ref.range, targets: all.map(item) };
  // "para 3" where two paragraphs are numbered 3: both, as the number names either.
  const paragraphs = paragraphsNamed(cable, ref);
  if (paragraphs.length > 0) return { origin: ref.range, targets: paragraphs.map(paragraph) };
  const target = inTextTarget(cable, ref);
  if (!target) return undefined;
  return { origin: ref.range, targets: ['marker' in target ? paragraph(target) : item(target)] };
}

/**
 * The REF item at `position`, or the one an in-text reference there names ("(ref A)", "REF A", "reftel"): the item whose
 * cited cable the call hierarchy and Find All References answer for, from the item and from a mention of it alike. Only
 * the references of the caret's line are read, as a hover reads them.
 */
export function refItemAt(cable: Cable, position: Position): RefItem | undefined {
  const items = cable.refs?.items;
  if (!items || items.length === 0) return undefined;
  const direct = items.find((i) => contains(i.range, position));
  if (direct) return direct;
  const mention = findInTextReferencesOnLine(cable, position.line).find((r) => r.target.kind === 'ref' && contains(r.range, position));
  const target = mention && inTextTarget(cable, mention);
  return target && !('marker' in target) ? target : undefined;
}

/**
 * The paragraph of a cited cable named at a position ("para 5 of ref A", "REF A para 3", "reftel para 2"), read from its
 * line alone; the server goes to that paragraph of the cable the item cites, as Markdown goes to a header of another file.
 */
export function getCitedParagraphAt(cable: Cable, position: Position): CitedParagraphMention | undefined {
  return findCitedParagraphsOnLine(cable, position.line).find((m) => contains(m.range, position));
}

/**
 * Highlights the target and every in-text reference to it; on a TAG of the TAGS field, that TAG wherever the field has it
 * (as text: a TAG is filed under, not written to), where an editor with a highlight provider would show nothing.
 */
export function getDocumentHighlights(cable: Cable, position: Position): DocumentHighlight[] {
  const tags = cable.tags;
  if (tags && position.line >= tags.range.start.line && position.line <= tags.range.end.line) {
    const tag = tags.tags.find((t) => t.role === 'code' && contains(t.token.range, position));
    if (tag) return tags.tags.filter((t) => t.role === 'code' && t.code === tag.code).map((t) => ({ range: t.token.range, kind: DocumentHighlightKind.Text }));
  }
  const refs = findInTextReferences(cable);
  let target: Range | undefined;
  const here = refs.find((r) => contains(r.range, position));
  if (here) target = resolveInText(cable, here);
  else {
    target = cable.refs?.items.find((i) => contains(i.range, position))?.range ?? cable.paragraphs.find((p) => contains(p.marker.range, position))?.marker.range;
  }
  if (!target) return [];
  const same = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character;
  return [
    { range: target, kind: DocumentHighlightKind.Write },
    ...refs.filter((r) => { const t = resolveInText(cable, r); return t !== undefined && same(t, target!); }).map((r) => ({ range: r.range, kind: DocumentHighlightKind.Read })),
  ];
}
