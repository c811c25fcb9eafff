/**
 * In-text references: "(ref C)", "REF B", "reftel", "para 5", "paragraph 5",
 * "paras 3-4". Each links to the REF item or paragraph it names.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position, type Range } from 'vscode-languageserver-types';
import type { Cable } from '../core/model';
import { contains } from '../core/text';

/** A reference in the text and what it points at. */
export interface InTextReference {
  readonly range: Range;
  readonly target: { readonly kind: 'ref'; readonly letter?: string } | { readonly kind: 'paragraph'; readonly number: number };
}

// "(ref C)", "REF B", "refs A and B", "reftel", "para 5", "paragraph 5", "paras 3-4", "Para. 13".
const REF_RE = /\b(?:refs?\.?\s+([A-H])\b(?:\s*(?:and|,|&)\s*([A-H])\b)?|reftels?\b)/gi;
const PARA_RE = /\b(?:para(?:graph)?s?\.?)\s+(\d{1,3})(?:\s*(?:-|and|,|through)\s*(\d{1,3}))?\b/gi;

/** Every in-text reference in the body. */
export function findInTextReferences(cable: Cable): InTextReference[] {
  const result: InTextReference[] = [];
  for (let line = cable.bodyStartLine; line < cable.lines.length; line++) {
    const text = cable.lines[line];
    if (!/ref|para/i.test(text)) continue;
    REF_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = REF_RE.exec(text)) !== null) {
      const letter = m[1]?.toUpperCase();
      // "REF B": a capital letter after lower-case "ref" in prose must be a letter, not the word "a".
      if (m[1] && m[1] === 'a' && !/[A-Z]/.test(m[1])) continue;
      result.push({ range: { start: { line, character: m.index }, end: { line, character: m.index + m[0].length } }, target: { kind: 'ref', letter } });
    }
    PARA_RE.lastIndex = 0;
    while ((m = PARA_RE.exec(text)) !== null) {
      result.push({ range: { start: { line, character: m.index }, end: { line, character: m.index + m[0].length } }, target: { kind: 'paragraph', number: parseInt(m[1], 10) } });
    }
  }
  return result;
}

/** Where an in-text reference points: the REF item or the paragraph marker. */
export function resolveInText(cable: Cable, ref: InTextReference): Range | undefined {
  if (ref.target.kind === 'paragraph') {
    const n = ref.target.number;
    return cable.paragraphs.find((p) => p.readAs === n)?.marker.range;
  }
  const items = cable.refs?.items ?? [];
  const letter = ref.target.letter;
  const item = letter ? items.find((i) => i.letter === letter) : items.length === 1 ? items[0] : undefined;
  return item?.range;
}

/** Go to definition for an in-text reference at a position. */
export function getInTextDefinition(cable: Cable, uri: string, position: Position): Location | undefined {
  const ref = findInTextReferences(cable).find((r) => contains(r.range, position));
  const target = ref && resolveInText(cable, ref);
  return target ? { uri, range: target } : undefined;
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
