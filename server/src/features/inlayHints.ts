/**
 * Inlay hints: the subject of the workspace cable a REF item cites, after its citation, and the
 * plain-language address of the DE line's station, when the routing-indicator dictionary knows it.
 * Only known facts: a citation that names no indexed cable and an indicator the dictionary does not know get none.
 */
import { MarkupKind, type InlayHint, type MarkupContent } from 'vscode-languageserver';
import type { Cable, Position, Range, RefItem } from '../core/model';
import { contains } from '../core/text';
import type { Dictionaries } from './dictionaries';
import { describeRi, indexedCableMarkdown, shortenSubject, toPlainText } from './hover';
import type { IndexedCable } from './types';

/** What {@link getInlayHints} needs besides the cable and the range. */
export interface InlayHintContext {
  readonly dictionaries: Dictionaries;
  /** The workspace cable a REF item cites, as Go to Definition and document links resolve it (the first definition), or undefined. */
  readonly citedCable: (item: RefItem) => IndexedCable | undefined;
  /** Whether REF items get their cited cable's subject (`cable.inlayHints.refSubjects`). */
  readonly refSubjects: boolean;
  /** Whether the DE line's station gets its plain-language address (`cable.inlayHints.routingIndicators`). */
  readonly routingIndicators: boolean;
  /** Tooltips in plain text, for a client that does not take Markdown (as hovers decide). */
  readonly plainText?: boolean;
}

/**
 * The inlay hints whose position lies in `range` (VS Code asks for the visible lines): nothing outside it is
 * looked up. A cable without a header or a REF field gets none.
 */
export function getInlayHints(cable: Cable, range: Range, ctx: InlayHintContext): InlayHint[] {
  const hints: InlayHint[] = [];
  // "DE RUEHFR #0708/01 1541322": the station that sent the cable; TO and INFO lines spell their addresses out.
  const station = cable.header?.de?.station;
  if (ctx.routingIndicators && station && contains(range, station.range.end)) {
    const entry = ctx.dictionaries.routingIndicators.get(station.text);
    // RUEHWEB is in the dictionary with no plain-language address: nothing to show.
    if (entry && entry.address.trim().length > 0) hints.push(hint(station.range.end, entry.address.trim(), describeRi(station.text, cable, ctx.dictionaries), ctx));
  }
  if (ctx.refSubjects) {
    for (const item of cable.refs?.items ?? []) {
      // "A. 09 PARIS 708 (NOTAL)": after the citation, before its labels; a citation wrapped onto two lines ends on the second.
      const end = item.citation.range.end;
      if (!contains(range, end)) continue;
      const cited = ctx.citedCable(item);
      if (cited) hints.push(hint(end, shortenSubject(cited.subject ?? '(no subject)'), indexedCableMarkdown(cited), ctx));
    }
  }
  return hints;
}

/** A hint padded on its left, its Markdown tooltip in plain text when the client takes no Markdown. */
function hint(position: Position, label: string, tooltip: string, ctx: InlayHintContext): InlayHint {
  const content: MarkupContent | string = ctx.plainText ? toPlainText(tooltip) : { kind: MarkupKind.Markdown, value: tooltip };
  return { position, label, paddingLeft: true, tooltip: content };
}

