/**
 * The Cables view's grouping and sorting, without vscode: the entries the server's `cable/collection`
 * request answers, grouped by date, post, classification or TAG, or listed flat. The groups are worked
 * out once per refresh; the TreeDataProvider in extension.ts only hands them out as they are expanded.
 */

import type { CollectionEntry } from '../../server/src/workspace/cableIndex';
// Only these functions are bundled into dist/client.js: they need nothing of the server but core/text.
import { fileName, idYear } from '../../server/src/core/id';

export type { CollectionEntry };

/** How the Cables view groups the collection. */
export type Grouping = 'date' | 'post' | 'classification' | 'tag' | 'none';

/** The groupings in the order the quick pick offers them, with their labels. */
export const GROUPINGS: readonly { readonly grouping: Grouping; readonly label: string }[] = [
  { grouping: 'date', label: 'Date' },
  { grouping: 'post', label: 'Post' },
  { grouping: 'classification', label: 'Classification' },
  { grouping: 'tag', label: 'TAG' },
  { grouping: 'none', label: 'None' },
];

/** True when `value` names a grouping (a value read back from the workspace state). */
export function isGrouping(value: unknown): value is Grouping {
  return GROUPINGS.some((g) => g.grouping === value);
}

/** A group of the view: a year, a month, a post, a level or a TAG, with its subgroups or its cables. */
export interface CollectionGroup {
  readonly kind: 'group';
  /** Unique in the tree (`date:2009-06`), so that VS Code keeps what was expanded across refreshes. */
  readonly key: string;
  readonly label: string;
  /** How many cables the group holds, subgroups included. */
  readonly count: number;
  readonly children: readonly CollectionNode[];
}

/** A cable of the view, under a group or at the top. */
export interface CollectionCable {
  readonly kind: 'cable';
  /** Unique in the tree: the group's key and the URI (a cable appears under each of its TAGS). */
  readonly key: string;
  readonly entry: CollectionEntry;
  /** What the view shows beside the label: the subject, after the file name for a cable filed more than once. */
  readonly description: string;
}

export type CollectionNode = CollectionGroup | CollectionCable;

/**
 * What dragging `nodes` from the view carries as `text/uri-list` (RFC 2483: one URI a line, CRLF between): the cables'
 * files, each once (a cable shown under two TAGS may be dragged from both); a group carries none. Empty when nothing is.
 */
export function draggedUriList(nodes: readonly CollectionNode[]): string {
  const uris = new Set<string>();
  for (const node of nodes) if (node.kind === 'cable') uris.add(node.entry.uri);
  return [...uris].join('\r\n');
}

/** The levels in the order the view lists them; cables without a banner come after. */
export const LEVELS: readonly string[] = ['TOP SECRET', 'SECRET', 'CONFIDENTIAL', 'UNCLASSIFIED'];

export const NO_BANNER = 'No banner';
export const UNDATED = 'Undated';
export const NO_POST = 'No post';
export const NO_TAGS = 'No TAGS';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const collator = new Intl.Collator('en', { numeric: true });


/** What the view shows as a cable's label: its id, or its file name when it has none. */
export function cableLabel(entry: CollectionEntry): string {
  return entry.id ?? fileName(entry.uri);
}

/**
 * What the view shows beside a cable's label: its subject; for a cable whose id another file has too (a cable
 * filed twice, or a copy being edited), its file name first, so that the rows can be told apart.
 */
export function cableDescription(entry: CollectionEntry, filedTwice: boolean): string {
  const subject = entry.subject ?? '';
  return filedTwice ? `${fileName(entry.uri)}${subject ? ` · ${subject}` : ''}` : subject;
}

/** The ids more than one entry has. */
function sharedIds(entries: readonly CollectionEntry[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const e of entries) {
    if (e.id === null) continue;
    if (seen.has(e.id)) shared.add(e.id);
    else seen.add(e.id);
  }
  return shared;
}

/** A cable's tooltip: id (and whether it is the file name's), date, classification, TAGS and file, one per line. */
export function cableTooltip(entry: CollectionEntry): string {
  return [
    entry.id === null ? 'No id' : entry.idFromFileName ? `${entry.id} (from the file name)` : entry.id,
    entry.subject ?? '',
    `Date: ${entry.date ?? 'none'}`,
    `Classification: ${entry.classification ?? NO_BANNER}`,
    `TAGS: ${entry.tags.length > 0 ? entry.tags.join(' ') : 'none'}`,
    `File: ${fileName(entry.uri)}`,
  ]
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Orders cables by date (undated last), then by label (`09PARIS99` before `09PARIS708`), then by URI. */
export function compareCables(a: CollectionEntry, b: CollectionEntry): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    // ISO dates compare as strings; a bare date sorts before the same day's DTG.
    return a.date < b.date ? -1 : 1;
  }
  return collator.compare(cableLabel(a), cableLabel(b)) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
}

/** A cable that **Cable: Insert Citation…** offers, as its quick pick shows it. */
export interface CitationPick {
  /** The cable's id. */
  readonly label: string;
  /** Its subject, after its file name when another file has its id too. */
  readonly description: string;
  /** Its date, classification and file name. */
  readonly detail: string;
  readonly uri: string;
}

/**
 * What **Cable: Insert Citation…** offers to cite in the cable at `current` (its URI): the other cables with an id, latest
 * first as REF citation completion and workspace symbols list them, an undated cable (a partial extract) by its id's
 * year, after that year's dated cables (04MADRID1731 after the last of 2004, before the first of 2003), and those of one
 * date by id as people read it (`09NOWHERE99` before `09NOWHERE708`), then by file, as completion and the Cables view
 * order them.
 */
export function citationPicks(entries: readonly CollectionEntry[], current: string): CitationPick[] {
  const shared = sharedIds(entries);
  // A year sorts as an ISO date after every date of that year; an id without a year (none the server sends) goes last.
  const dated = (e: CollectionEntry) => e.date ?? idYear(e.id) ?? null;
  const latestFirst = (a: CollectionEntry, b: CollectionEntry) => {
    const da = dated(a);
    const db = dated(b);
    if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? 1 : -1;
    return collator.compare(cableLabel(a), cableLabel(b)) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
  };
  return entries
    .filter((e) => e.id !== null && e.uri !== current)
    .sort(latestFirst)
    .map((e) => ({
      label: e.id!,
      description: cableDescription(e, shared.has(e.id!)),
      detail: [e.date?.slice(0, 10) ?? UNDATED, e.classification ?? NO_BANNER, fileName(e.uri)].join(' · '),
      uri: e.uri,
    }));
}

/**
 * The top level of the view for `entries` under `grouping`: groups (by date, years holding months), each
 * with its count, or the cables themselves for `none`. Cables are sorted once, so every group lists them by
 * date then id.
 */
export function groupCollection(entries: readonly CollectionEntry[], grouping: Grouping): CollectionNode[] {
  const sorted = [...entries].sort(compareCables);
  const shared = sharedIds(sorted);
  const node: MakeNode = (groupKey, entry) => ({ kind: 'cable', key: `${groupKey}|${entry.uri}`, entry, description: cableDescription(entry, entry.id !== null && shared.has(entry.id)) });
  switch (grouping) {
    case 'none':
      return sorted.map((entry) => node('', entry));
    case 'date':
      return byDate(sorted, node);
    case 'post':
      return bucket('post', sorted, node, (e) => [e.post ?? NO_POST], (a, b) => fixedLast(a, b, NO_POST) || collator.compare(a, b));
    case 'classification':
      return bucket('classification', sorted, node, (e) => [e.classification ?? NO_BANNER], (a, b) => levelRank(a) - levelRank(b) || collator.compare(a, b));
    case 'tag':
      // A cable appears under each of its TAGS, once under a TAG listed twice.
      return bucket('tag', sorted, node, (e) => (e.tags.length > 0 ? [...new Set(e.tags)] : [NO_TAGS]), (a, b) => fixedLast(a, b, NO_TAGS) || collator.compare(a, b));
  }
}

/** The rank of a level in {@link LEVELS}; a level the list does not name comes after them, "No banner" last. */
function levelRank(label: string): number {
  const i = LEVELS.indexOf(label);
  return i >= 0 ? i : label === NO_BANNER ? LEVELS.length + 1 : LEVELS.length;
}

/** Puts `last` after every other label. */
function fixedLast(a: string, b: string, last: string): number {
  return (a === last ? 1 : 0) - (b === last ? 1 : 0);
}

/** Makes the node of a cable under the group `groupKey`. */
type MakeNode = (groupKey: string, entry: CollectionEntry) => CollectionCable;

/** Groups sorted cables under the labels `labels` gives each, in the order `order` puts the labels. */
function bucket(prefix: string, sorted: readonly CollectionEntry[], node: MakeNode, labels: (e: CollectionEntry) => readonly string[], order: (a: string, b: string) => number): CollectionGroup[] {
  const groups = new Map<string, CollectionEntry[]>();
  for (const entry of sorted) {
    for (const label of labels(entry)) {
      const members = groups.get(label);
      if (members) members.push(entry);
      else groups.set(label, [entry]);
    }
  }
  return [...groups.keys()].sort(order).map((label) => group(`${prefix}:${label}`, label, groups.get(label)!, node));
}

function group(key: string, label: string, members: readonly CollectionEntry[], node: MakeNode): CollectionGroup {
  return { kind: 'group', key, label, count: members.length, children: members.map((e) => node(key, e)) };
}

/** Years in order, each holding its months in order, then "Undated". */
function byDate(sorted: readonly CollectionEntry[], node: MakeNode): CollectionGroup[] {
  const years = new Map<string, Map<string, CollectionEntry[]>>();
  const undated: CollectionEntry[] = [];
  for (const entry of sorted) {
    const year = entry.date?.slice(0, 4);
    const month = entry.date?.slice(5, 7);
    if (!year || !month || !/^\d{4}$/.test(year) || !/^\d{2}$/.test(month)) {
      undated.push(entry);
      continue;
    }
    let months = years.get(year);
    if (!months) years.set(year, (months = new Map()));
    const members = months.get(month);
    if (members) members.push(entry);
    else months.set(month, [entry]);
  }
  // The cables come sorted by date, so years and months come in order too.
  const result: CollectionGroup[] = [...years].map(([year, months]) => {
    const children = [...months].map(([month, members]) => group(`date:${year}-${month}`, MONTHS[Number(month) - 1] ?? month, members, node));
    return { kind: 'group', key: `date:${year}`, label: year, count: children.reduce((n, c) => n + c.count, 0), children };
  });
  if (undated.length > 0) result.push(group(`date:${UNDATED}`, UNDATED, undated, node));
  return result;
}
