/**
 * Go to Definition and highlights for in-text references ("(ref C)", "para 5"),
 * which `core/mentions.ts` reads and resolves.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Position, type Range } from 'vscode-languageserver-types';
import { allItemsNamed, findCitedParagraphsOnLine, findInTextReferencesOnLine, findResolvableReferences, inTextTarget, paragraphsBetween, rangeEndingAt, rangeNames, rangeSeparatedAt, type CitedParagraphMention, type InTextReference } from '../core/mentions';
import type { Cable, Paragraph, RefItem } from '../core/model';
import { contains } from '../core/text';

/** Where Go to Definition goes in a document: the whole target (a REF item, a paragraph) and the part of it to select. */
export interface DefinitionTarget {
  readonly uri: string;
  readonly range: Range;
  readonly selection: Range;
}

/**
 * What Go to Definition takes an in-text reference to, from a reader made for `cable`: every REF item for a plural
 * keyword alone ("(refs)", "see reftels"), every paragraph read as the number for one that two or more are read as
 * ("para 3" where two paragraphs are numbered 3), else the item or paragraph it names ({@link inTextTarget}), or none.
 * Highlights and Find References list a reference with each of them, so that what a reference goes to and what finds it
 * agree. The paragraphs are grouped by number once a reader, so that a long text's references cost one pass over them.
 */
function targetsReader(cable: Cable): (ref: InTextReference) => readonly (RefItem | Paragraph)[] {
  let byNumber: Map<number, Paragraph[]> | undefined;
  return (ref) => {
    if (ref.target.kind === 'paragraph') {
      if (!byNumber) {
        byNumber = new Map();
        for (const p of cable.paragraphs) {
          const same = byNumber.get(p.readAs);
          if (same) same.push(p);
          else byNumber.set(p.readAs, [p]);
        }
      }
      return byNumber.get(ref.target.number) ?? [];
    }
    const all = allItemsNamed(cable, ref);
    if (all.length > 0) return all;
    const target = inTextTarget(cable, ref);
    return target ? [target] : [];
  };
}

/**
 * Go to definition for an in-text reference at a position: only the references of its line are read, as a hover reads them.
 * The answer's `origin` is the reference's text (`ref A`, `paras 3`, the `4` of `paras 3-4`), which an editor that takes
 * links underlines; each target is a REF item (selected whole, as it was) or a paragraph (its marker selected, the
 * paragraph's text what a peek or a Ctrl+hover shows). A plural keyword alone ("(refs)", "see reftels") goes to every
 * REF item, which VS Code lists to pick from, and a number two paragraphs are read as goes to both. The separator of a
 * range ("-" of "paras 3-5") goes to the paragraphs between its ends (4), its origin the whole range; where the range runs
 * onto the next line ("paras 3 -" / "5"), from the separator on the first line too ({@link rangeSeparatedAt}). The REF
 * field's keyword (`REF:`) goes to every item, as "(refs)" does, its origin the keyword.
 */
export function getInTextDefinition(cable: Cable, uri: string, position: Position): { origin: Range; targets: DefinitionTarget[] } | undefined {
  // The REF field's keyword ("REF:") names every item, as "(refs)" does ({@link refItemsAt}).
  const keyword = cable.refs?.keyword.range;
  if (keyword && contains(keyword, position)) {
    const items = refItemsAt(cable, position);
    return items.length > 0 ? { origin: keyword, targets: items.map((t) => ({ uri, range: t.range, selection: t.range })) } : undefined;
  }
  const refs = findInTextReferencesOnLine(cable, position.line);
  const ref = refs.find((r) => contains(r.range, position));
  const range = ref ? undefined : rangeSeparatedAt(cable, position, refs);
  const targets = ref ? targetsReader(cable)(ref) : range ? paragraphsBetween(cable, range) : [];
  if (targets.length === 0) return undefined;
  const origin = ref?.range ?? range!.rangeFrom!.range;
  return { origin, targets: targets.map((t) => ('marker' in t ? { uri, range: t.range, selection: t.marker.range } : { uri, range: t.range, selection: t.range })) };
}

/**
 * The paragraphs of the cable's own between the ends of a range whose separator is at `position` (the "-" or "through" of
 * "paras 3-5", not on either number, each a reference of its own), as Go to Definition goes to them ({@link
 * getInTextDefinition}), on one line or running onto the next ({@link rangeSeparatedAt}); none elsewhere. Find All
 * References lists from the separator what it lists from each of their markers.
 */
export function paragraphsSeparatedAt(cable: Cable, position: Position): readonly Paragraph[] {
  const refs = findInTextReferencesOnLine(cable, position.line);
  if (refs.some((r) => contains(r.range, position))) return [];
  const range = rangeSeparatedAt(cable, position, refs);
  return range ? paragraphsBetween(cable, range) : [];
}

/**
 * The REF items at `position`: the item there, or those an in-text reference there names, as Go to Definition goes to
 * them (one for "(ref A)", "REF A" or "reftel"; every item for "(refs)"), and every item on the REF field's keyword
 * (`REF:`), which names them all as "(refs)" does; none elsewhere. Find All References lists from each what it lists from
 * the item itself, and the citation hierarchy starts at the cables they cite.
 */
export function refItemsAt(cable: Cable, position: Position): readonly RefItem[] {
  const items = cable.refs?.items;
  if (!items || items.length === 0) return [];
  if (contains(cable.refs!.keyword.range, position)) return items;
  const direct = items.find((i) => contains(i.range, position));
  if (direct) return [direct];
  const mention = findInTextReferencesOnLine(cable, position.line).find((r) => r.target.kind === 'ref' && contains(r.range, position));
  return mention ? (targetsReader(cable)(mention) as readonly RefItem[]) : [];
}

/**
 * The paragraph of a cited cable named at a position ("para 5 of ref A", "REF A para 3", "reftel para 2"), read from its
 * line alone; the server goes to that paragraph of the cable the item cites, as Markdown goes to a header of another file.
 */
export function getCitedParagraphAt(cable: Cable, position: Position): CitedParagraphMention | undefined {
  return findCitedParagraphsOnLine(cable, position.line).find((m) => contains(m.range, position));
}

/**
 * The range of a cited cable's paragraphs whose separator is at `position` (the "-", "through" or "to" of "REF A paras 3-5",
 * not on either number, each a mention of its own, {@link getCitedParagraphAt}): the mention of its last number, whose
 * `rangeFrom` gives its first and its text. Go to Definition goes from it to the cited cable's paragraphs between its ends,
 * as from the separator of a range of the cable's own ({@link getInTextDefinition}); a range that runs onto the next line
 * ("REF A paras 3-" / "5") is found from its first line too. None for a range that names no paragraph between its ends.
 */
export function getCitedRangeAt(cable: Cable, position: Position): CitedParagraphMention | undefined {
  const here = findCitedParagraphsOnLine(cable, position.line);
  if (here.some((m) => contains(m.range, position))) return undefined;
  const ranges = [...here, ...findCitedParagraphsOnLine(cable, position.line + 1)];
  return ranges.find((m) => m.rangeFrom !== undefined && contains(m.rangeFrom.range, position));
}

/**
 * Highlights the target and every in-text reference to it, as Go to Definition links them: from a REF item or a
 * paragraph's marker, the references that go to it ("(refs)" to every item, "para 3" to each paragraph numbered 3); from
 * a reference, what it goes to and every reference that goes to one of those. A range of paragraphs ("paras 3-5") names
 * those between its ends too: from the marker of 4 the whole range is highlighted ("3-5"), and from its separator the
 * paragraphs between. On a TAG of the TAGS field, that TAG
 * wherever the field has it (as text: a TAG is filed under, not written to), where an editor with a highlight provider
 * would show nothing.
 */
export function getDocumentHighlights(cable: Cable, position: Position): DocumentHighlight[] {
  const tags = cable.tags;
  if (tags && position.line >= tags.range.start.line && position.line <= tags.range.end.line) {
    const tag = tags.tags.find((t) => t.role === 'code' && contains(t.token.range, position));
    if (tag) return tags.tags.filter((t) => t.role === 'code' && t.code === tag.code).map((t) => ({ range: t.token.range, kind: DocumentHighlightKind.Text }));
  }
  // In a cable without REF items, the references to paragraphs alone: a REF letter there names nothing to highlight.
  const refs = findResolvableReferences(cable);
  const targetsOf = targetsReader(cable);
  const here = refs.find((r) => contains(r.range, position));
  const range = here ? undefined : rangeEndingAt(refs, position);
  let targets: readonly (RefItem | Paragraph)[];
  if (here) targets = targetsOf(here);
  else if (range) targets = paragraphsBetween(cable, range);
  else {
    const target = cable.refs?.items.find((i) => contains(i.range, position)) ?? cable.paragraphs.find((p) => contains(p.marker.range, position));
    targets = target ? [target] : [];
  }
  if (targets.length === 0) return [];
  const named = new Set(targets);
  const numbers = new Set<number>();
  for (const t of targets) if ('marker' in t) numbers.add(t.readAs);
  const highlights: DocumentHighlight[] = targets.map((t) => ({ range: 'marker' in t ? t.marker.range : t.range, kind: DocumentHighlightKind.Write }));
  for (const r of refs) {
    if (targetsOf(r).some((t) => named.has(t))) highlights.push({ range: r.range, kind: DocumentHighlightKind.Read });
    // "paras 3-5" from the marker of 4: the range, from its first number to its last.
    if (r.rangeFrom !== undefined && numbers.size > 0 && [...numbers].some((n) => rangeNames(r, n))) highlights.push({ range: r.rangeFrom.range, kind: DocumentHighlightKind.Read });
  }
  return highlights;
}
