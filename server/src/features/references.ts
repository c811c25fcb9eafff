/**
 * Go to Definition and highlights for in-text references ("(ref C)", "para 5"),
 * which `core/mentions.ts` reads and resolves.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position, type Range } from 'vscode-languageserver-types';
import { allItemsNamed, findCitedParagraphsOnLine, findInTextReferences, findInTextReferencesOnLine, paragraphsNamed, resolveInText, type CitedParagraphMention } from '../core/mentions';
import type { Cable } from '../core/model';
import { contains } from '../core/text';

/**
 * Go to definition for an in-text reference at a position: only the references of its line are read, as a hover reads them.
 * A plural keyword alone ("(refs)", "see reftels") goes to every REF item, which VS Code lists to pick from, and a number
 * two paragraphs are read as goes to both.
 */
export function getInTextDefinition(cable: Cable, uri: string, position: Position): Location | Location[] | undefined {
  const ref = findInTextReferencesOnLine(cable, position.line).find((r) => contains(r.range, position));
  if (!ref) return undefined;
  const all = allItemsNamed(cable, ref);
  if (all.length > 0) return all.map((item) => ({ uri, range: item.range }));
  // "para 3" where two paragraphs are numbered 3: both, as the number names either.
  const paragraphs = paragraphsNamed(cable, ref);
  if (paragraphs.length > 0) return paragraphs.map((p) => ({ uri, range: p.marker.range }));
  const target = resolveInText(cable, ref);
  return target ? { uri, range: target } : undefined;
}

/**
 * The paragraph of a cited cable named at a position ("para 5 of ref A", "REF A para 3", "reftel para 2"), read from its
 * line alone; the server goes to that paragraph of the cable the item cites, as Markdown goes to a header of another file.
 */
export function getCitedParagraphAt(cable: Cable, position: Position): CitedParagraphMention | undefined {
  return findCitedParagraphsOnLine(cable, position.line).find((m) => contains(m.range, position));
}

/** Highlights the target and every in-text reference to it. */
export function getDocumentHighlights(cable: Cable, position: Position): DocumentHighlight[] {
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
