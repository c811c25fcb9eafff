/**
 * The citation graph as LSP's call hierarchy: a cable "calls" the cables its REF field cites, so incoming calls are
 * the workspace cables that cite it ("cited by") and outgoing calls the cables it cites ("cites"). Every answer
 * comes from the workspace index (`workspace/cableIndex.ts`), which holds each cable's banner place and the ranges of
 * its REF citations (numbers only, never text), so a closed cable costs no read and an open one answers as the editor
 * has it (the server indexes open cables' edits before it asks). Each request is one step of the graph: the
 * client expands the tree lazily, so a cycle (`A` cites `B`, `B` cites `A`) or a cable that cites itself never
 * makes the server loop.
 */
import { SymbolKind, type CallHierarchyIncomingCall, type CallHierarchyItem, type CallHierarchyOutgoingCall, type Position, type Range } from 'vscode-languageserver-types';
import { citedId, idFromFileName as idFromName, fileName } from '../core/id';
import { allItemsNamed, findInTextReferences, resolveInText } from '../core/mentions';
import type { Cable } from '../core/model';
import { shortenSubject } from './hover';
import { refItemsAt } from './references';
import type { IndexedCable } from './types';

/** Where an item of the hierarchy stands in its file: the banner (`range`) and the id's text in it (`selectionRange`). */
export interface CablePlace {
  readonly range: Range;
  readonly selectionRange: Range;
}

/** A REF item whose citation names a cable: the item's range (`A. 09 PARIS 708`) and its citation's (`09 PARIS 708`). */
interface CitationPlace {
  readonly range: Range;
  readonly citation: Range;
}

/**
 * How many numbers a range takes in the index's packed form: start line and character, end line and character. The
 * index keeps places as plain arrays of small integers (about 280 bytes a cable on the corpus, with its 1.2 citations
 * a cable on average) rather than range objects (about 810 bytes), since it holds every cable of the workspace.
 */
const RANGE = 4;

/** How many numbers an in-text reference takes in the index's packed form: the index of its id, line, start, end. */
const MENTION = 4;

/** The citations of a cable that cites none, shared by every such cable. */
const EMPTY: readonly number[] = Object.freeze([]);

/** What the hierarchy asks of the workspace index ({@link CableIndex} answers it). */
export interface HierarchyWorkspace {
  /** The cable indexed at `uri`. */
  get(uri: string): IndexedCable | undefined;
  /** The file holding the cable `id`: of several, the one named after it. */
  byId(id: string): IndexedCable | undefined;
  /** The files whose REF field cites `id`. */
  citing(id: string): IndexedCable[];
}

/**
 * What an item carries for the requests that expand it (`CallHierarchyItem.data`, which the client hands back):
 * the cable's id, and `absent` for a cited cable no workspace file holds.
 */
export interface HierarchyData {
  readonly id?: string;
  readonly absent?: true;
}

/** How long a subject may be in an item's detail before it is cut with "…". */
const DETAIL_LENGTH = 60;

/** The place of a cable's item ({@link cablePlace}) packed for the index: its range, then its selection range. */
export function packedPlace(cable: Cable): number[] {
  const { range: r, selectionRange: sel } = cablePlace(cable);
  // A literal, so that the array is made at its length.
  return [r.start.line, r.start.character, r.end.line, r.end.character, sel.start.line, sel.start.character, sel.end.line, sel.end.character];
}

/**
 * The ids of the cables the REF items of `cable` cite (those whose id {@link citedId} reads, in REF order: the index's
 * `refs`), the ranges of those items packed for the index, aligned with the ids (each item's range, then its
 * citation's), and the in-text references to those items ("(ref A)", "reftel", "refs A and B", and "(refs)" to each,
 * as Go to Definition goes to every item from it), each packed as the
 * index of the id it goes to in `refs`, its line and its start and end characters (a reference is on one line). One
 * pass over the REF items makes the first two, so that they cannot disagree; the text is read for references only
 * when an item cites a cable.
 */
export function refCitations(cable: Cable, citingId: string | undefined): { readonly refs: string[]; readonly citations: readonly number[]; readonly mentions: readonly number[] } {
  const refs: string[] = [];
  const packed: number[] = [];
  // Which of `refs` each citing item's range stands for, for the references that resolve to it.
  const slots = new Map<Range, number>();
  for (const item of cable.refs?.items ?? []) {
    const cited = citedId(item, citingId);
    if (!cited) continue;
    slots.set(item.range, refs.length);
    refs.push(cited);
    const { range: r, citation: { range: c } } = item;
    packed.push(r.start.line, r.start.character, r.end.line, r.end.character, c.start.line, c.start.character, c.end.line, c.end.character);
  }
  if (refs.length === 0) return { refs, citations: EMPTY, mentions: EMPTY };
  const mentions: number[] = [];
  for (const mention of findInTextReferences(cable)) {
    if (mention.target.kind !== 'ref') continue;
    const { start, end } = mention.range;
    // "(refs)", "see reftels": every item, as Go to Definition goes to every one; a cable two items cite, once.
    const all = allItemsNamed(cable, mention);
    if (all.length > 0) {
      const ids = new Set<string>();
      for (const item of all) {
        const slot = slots.get(item.range);
        if (slot === undefined || ids.has(refs[slot])) continue;
        ids.add(refs[slot]);
        mentions.push(slot, start.line, start.character, end.character);
      }
      continue;
    }
    const target = resolveInText(cable, mention);
    const slot = target && slots.get(target);
    if (slot === undefined) continue;
    mentions.push(slot, start.line, start.character, end.character);
  }
  // Copies at their length: a pushed array keeps room to grow, which the index would hold for every cable.
  return { refs, citations: packed.slice(), mentions: mentions.length === 0 ? EMPTY : mentions.slice() };
}

/**
 * The place of a cable's item: its first banner (`UNCLAS NOWHERE 000040`), with the post and serial as the
 * selection, or the banner alone when it gives neither; a cable without a banner stands at its first line.
 * The banner's code lens and Find References on the banner stand there too.
 */
export function cablePlace(cable: Cable): CablePlace {
  const banner = cable.banner;
  if (!banner) {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: cable.lines[0]?.length ?? 0 } };
    return { range, selectionRange: range };
  }
  const { post, serial } = banner;
  // "UNCLAS NOWHERE 000040": the id's text is the post and the serial, on the banner's one line.
  const selectionRange = post && serial ? { start: post.range.start, end: serial.range.end } : banner.range;
  return { range: banner.range, selectionRange };
}

/**
 * The items at `position` in `cable`, the text of the document at `uri`: on a REF item that cites a cable
 * (`A. 09 PARIS 708`), or on an in-text reference to one ("(ref A)"), the cited cable; on a plural keyword alone that
 * names every REF item ("(refs)", "see reftels", {@link refItemsAt}), and on the REF field's keyword (`REF:`), each cable
 * the items cite, in REF order and once each (VS Code shows each as a root of the tree), as the caret on each item would
 * give it; anywhere else, and on "(refs)" or `REF:` where no item cites a cable, the cable itself, by the id its text gives or else its file name's. A cited
 * cable that no workspace file holds is an item placed at its first citation, marked as absent; a position in a cable
 * with no id gives an item named after the file.
 */
export function prepareCallHierarchy(cable: Cable, uri: string, position: Position, workspace: HierarchyWorkspace): CallHierarchyItem[] {
  const ownId = cable.id ?? idFromName(fileName(uri));
  const cited = new Map<string, CallHierarchyItem>();
  // The field's keyword ("REF:") names every item, as "(refs)" does (refItemsAt).
  for (const item of refItemsAt(cable, position)) {
    const id = citedId(item, ownId);
    if (!id || cited.has(id)) continue;
    const target = workspace.byId(id);
    cited.set(id, target ? indexedItem(target) : absentItem(id, uri, { range: item.range, citation: item.citation.range }));
  }
  if (cited.size > 0) return [...cited.values()];
  const place = cablePlace(cable);
  return [
    {
      name: ownId ?? fileName(uri),
      kind: SymbolKind.File,
      detail: detailOf(cable.subject?.text, ownId, uri),
      uri,
      range: place.range,
      selectionRange: place.selectionRange,
      data: (ownId ? { id: ownId } : {}) satisfies HierarchyData,
    },
  ];
}

/**
 * The workspace files that cite the cable of `item`, each with the REF items that cite it as `fromRanges`,
 * in date order (then id and URI), since a chain of cables reads forward in time. A cable that cites itself is
 * among its own callers, as a recursive function is.
 */
export function getIncomingCalls(item: CallHierarchyItem, workspace: HierarchyWorkspace): CallHierarchyIncomingCall[] {
  const id = dataOf(item).id;
  if (!id) return [];
  // Each key made once: a cable cited by a thousand is sorted in a few milliseconds.
  const keyed = workspace.citing(id).map((entry) => ({ entry, key: `${entry.dtg ?? '~'} ${entry.id ?? '~'} ${entry.uri}` }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ entry }) => ({ from: indexedItem(entry), fromRanges: rangesCiting(entry, id) }));
}

/**
 * The cables the cable of `item` cites, in the order of its REF field, each with the REF items that cite it as
 * `fromRanges`. A cable cited twice is one call with two ranges. A cited cable that no workspace file holds is an
 * item placed at its first citation in this cable, marked as absent ("not in the workspace"): LSP has no item
 * without a file, and expanding it still lists the workspace cables that cite it. An absent cable cites nothing
 * that is known.
 */
export function getOutgoingCalls(item: CallHierarchyItem, workspace: HierarchyWorkspace): CallHierarchyOutgoingCall[] {
  const data = dataOf(item);
  if (data.absent) return [];
  const entry = workspace.get(item.uri) ?? (data.id ? workspace.byId(data.id) : undefined);
  if (!entry) return [];
  const calls = new Map<string, CallHierarchyOutgoingCall>();
  for (const c of citationsOf(entry)) {
    if (calls.has(c.id)) continue;
    const target = workspace.byId(c.id);
    calls.set(c.id, { to: target ? indexedItem(target) : absentItem(c.id, entry.uri, c), fromRanges: rangesCiting(entry, c.id) });
  }
  return [...calls.values()];
}

/** The item of an indexed cable: its id (or file name), subject and banner. */
function indexedItem(entry: IndexedCable): CallHierarchyItem {
  const place = entry.place ? { range: unpack(entry.place, 0), selectionRange: unpack(entry.place, RANGE) } : lineStart(entry.bannerLine ?? 0);
  return {
    name: entry.id ?? fileName(entry.uri),
    kind: SymbolKind.File,
    detail: detailOf(entry.subject, entry.id, entry.uri),
    uri: entry.uri,
    range: place.range,
    selectionRange: place.selectionRange,
    data: (entry.id ? { id: entry.id } : {}) satisfies HierarchyData,
  };
}

/**
 * The item of a cited cable that no workspace file holds: named by its id, placed at the citation `at` in the
 * file `uri`, kind `Null` (no file holds it), and said to be absent in its detail.
 */
function absentItem(id: string, uri: string, at: CitationPlace): CallHierarchyItem {
  return {
    name: id,
    kind: SymbolKind.Null,
    detail: 'not in the workspace',
    uri,
    range: at.range,
    selectionRange: at.citation,
    data: { id, absent: true } satisfies HierarchyData,
  };
}

function dataOf(item: CallHierarchyItem): HierarchyData {
  const data = item.data as HierarchyData | null | undefined;
  // A client that dropped `data` still names the cable by its id.
  return data && typeof data === 'object' ? data : { id: idFromName(item.name) };
}

/** The REF citations of an indexed cable, each with the id it cites and its ranges. */
function citationsOf(entry: IndexedCable): (CitationPlace & { readonly id: string })[] {
  const packed = entry.citations;
  // An entry whose ranges do not match its ids (none are made so) gives no ranges rather than wrong ones.
  if (!packed || packed.length !== entry.refs.length * 2 * RANGE) return [];
  return entry.refs.map((id, i) => ({ id, range: unpack(packed, 2 * RANGE * i), citation: unpack(packed, 2 * RANGE * i + RANGE) }));
}

/**
 * Where an indexed cable cites the cable `id`: the REF items that cite it (`A. 09 NOWHERE 2`), then the in-text
 * references to those items ("As reported (ref A), …"), in the text's order, so that the call hierarchy and Find
 * References show where the cited cable is drawn on as well as where it is listed.
 */
export function rangesCiting(entry: IndexedCable, id: string): Range[] {
  const ranges = citationsOf(entry).filter((c) => c.id === id).map((c) => c.range);
  const packed = entry.mentions ?? EMPTY;
  for (let at = 0; at + MENTION <= packed.length; at += MENTION) {
    if (entry.refs[packed[at]] !== id) continue;
    const line = packed[at + 1];
    ranges.push({ start: { line, character: packed[at + 2] }, end: { line, character: packed[at + 3] } });
  }
  return ranges;
}

function unpack(packed: readonly number[], at: number): Range {
  return { start: { line: packed[at], character: packed[at + 1] }, end: { line: packed[at + 2], character: packed[at + 3] } };
}

function lineStart(line: number): CablePlace {
  const range = { start: { line, character: 0 }, end: { line, character: 0 } };
  return { range, selectionRange: range };
}

/**
 * The subject, shortened, after the file name when that is not the cable's id (`09NOWHERE1 copy.cable · FERRY DUES`): the
 * files of a cable filed twice, or named by a hash, are told apart in the tree, which shows only names and details (cut
 * at the side bar's edge, hence the file name first).
 */
function detailOf(subject: string | undefined, id: string | undefined, uri: string): string | undefined {
  const name = fileName(uri);
  // A cable with no id is named after its file already.
  const named = id === undefined || idFromName(name) === id;
  const parts = [named ? undefined : name, shorten(subject)].filter((p) => p !== undefined && p !== '');
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** A subject cut as inlay hints cut it ({@link shortenSubject}), to {@link DETAIL_LENGTH} characters. */
function shorten(subject: string | undefined): string | undefined {
  return subject === undefined ? undefined : shortenSubject(subject, DETAIL_LENGTH);
}
