/**
 * The workspace index: a cheap summary of every cable file (id, DTG,
 * classification, subject, TAGS, REF ids), never its text.
 */
import { SymbolKind, type Range, type WorkspaceSymbol } from 'vscode-languageserver';
import { canonicalId, citedId, fileName, filedPost, idFromFileName as idFromName, idSortKey, idYear, parseCableId, type TypedCableId } from '../core/id';
import { URI } from 'vscode-uri';
import { findCitedParagraphs, type CitedParagraphMention } from '../core/mentions';
import type { Cable, Tag } from '../core/model';
import { isBlankedLine, isWordCharacter, ownCopy } from '../core/text';
import { cableDtgIso, paragraphCopy } from '../core/rules/util';
import type { ParagraphCopy } from '../core/rules/types';
import type { IndexedCable } from '../features/types';
import { packedPlace, refCitations } from '../features/callHierarchy';

/**
 * Summarises a parsed cable for the index. With `open`, the cable is an open document's as the editor has it, summarised
 * again at each edit a request reads the index after: its text is not read for mentions of cited paragraphs
 * ({@link IndexedCable.citesParagraphs}), which only the closed files' entries answer for.
 */
export function summarize(uri: string, cable: Cable, fallbackId?: string, open = false): IndexedCable {
  const id = cable.id ?? fallbackId;
  // The cited ids and, for the call hierarchy, their REF items' ranges and the in-text references to them as numbers.
  const { refs, citations, mentions } = refCitations(cable, id);
  const codes = (cable.tags?.tags ?? []).filter((t) => t.role === 'code');
  const persons = codes.length === cable.tags?.tags.length ? undefined : cable.tags?.tags.filter((t) => t.role === 'person');
  return {
    uri,
    id,
    ...(cable.id === undefined && id !== undefined ? { idFromFileName: true as const } : {}),
    dtg: cableDtgIso(cable),
    classification: cable.banner?.level,
    post: ownCopy(filedPost(cable, id)),
    // The model's texts are slices of the document, which V8 keeps whole behind a slice of 13 characters or more: the
    // index keeps copies, so that it holds a summary of each cable and never its text.
    subject: ownCopy(cable.subject?.text),
    tags: codes.map((t) => t.code),
    ...(persons && persons.length > 0 ? { persons: persons.map((t) => ownCopy(t.code)) } : {}),
    refs,
    signature: internSignature(cable.signature?.token.text),
    ...classifierOf(cable),
    bannerLine: cable.banner?.line,
    tagRanges: codes.length > 0 ? packedTagRanges(codes) : undefined,
    paragraphMarkers: cable.paragraphs.length > 0 ? packedParagraphMarkers(cable) : undefined,
    ...copyOf(cable),
    ...citedParagraphsOf(cable, id, refs, open),
    // Numbers only, for the call hierarchy: a closed cable's place and citations without reading it again.
    place: packedPlace(cable),
    citations,
    mentions,
  };
}

/**
 * {@link IndexedCable.citesParagraphs} and {@link IndexedCable.paragraphMentions} for `cable` (the cable `id`), whose
 * REF items cite `refs`, as properties to spread. Only a cable that cites one can name a paragraph of a cited cable
 * that `CableIndex.citingParagraphsOf` and Find References ask about, so the text of one that cites none is not read;
 * nor is an open document's (`open`), whose entry is never asked for them (the server reads the file again once the
 * document is closed, and Find References reads the document itself), and which is said to name one when it cites a
 * cable, so that an entry left as the editor had it is read again rather than passed over. Reading a long text's mentions
 * takes milliseconds (about 2.4 ms on 1 MB).
 */
function citedParagraphsOf(cable: Cable, id: string | undefined, refs: readonly string[], open: boolean): { citesParagraphs?: true; paragraphMentions?: readonly number[] } {
  if (refs.length === 0) return {};
  if (open) return { citesParagraphs: true };
  const mentions = findCitedParagraphs(cable);
  if (mentions.length === 0) return {};
  const packed = packParagraphMentions(mentions, id, refs);
  // A copy at its length: a pushed array keeps room to grow, which the index would hold for every such cable.
  return packed.length > 0 ? { citesParagraphs: true, paragraphMentions: packed.slice() } : { citesParagraphs: true };
}

/** How many numbers a mention of a cited paragraph takes in {@link IndexedCable.paragraphMentions}. */
const PARAGRAPH_MENTION = 6;

/**
 * `mentions`, the paragraphs of cited cables a cable (`id`, whose REF items cite `refs`) names, packed as
 * {@link IndexedCable.paragraphMentions} keeps them: a mention of an item that cites no cable (a memorandum) is left out,
 * and the last number of a range ("5" of "REF A paras 3-5") is kept twice, as itself and, with the whole range's text, as
 * the numbers between (4 to 4); with its own text where the range runs onto the next line ("REF A paras 3-" / "5").
 */
export function packParagraphMentions(mentions: readonly CitedParagraphMention[], id: string | undefined, refs: readonly string[]): number[] {
  const packed: number[] = [];
  for (const m of mentions) {
    const cited = citedId(m.item, id);
    const slot = cited === undefined ? -1 : refs.indexOf(cited);
    if (slot < 0) continue;
    const r = m.range;
    packed.push(slot, m.number, m.number, r.start.line, r.start.character, r.end.character);
    const from = m.rangeFrom;
    // A range running onto the next line ("REF A paras 3-" / "5") stands at its last number, on one line as a mention is kept.
    const at = from && (from.range.start.line === from.range.end.line ? from.range : r);
    if (from && at) packed.push(slot, from.number + 1, m.number - 1, at.start.line, at.start.character, at.end.character);
  }
  return packed;
}

/**
 * Where the cable of `entry` names paragraph `number` of the cable `id` ("REF A para 5", "para 5 of ref A", the "3-5" of
 * "REF A paras 3-5" for 4), from `packed` ({@link IndexedCable.paragraphMentions}, or an open document's mentions packed
 * alike), in the text's order.
 */
export function rangesNamingParagraph(refs: readonly string[], packed: readonly number[], id: string, number: number): Range[] {
  const ranges: Range[] = [];
  for (let at = 0; at + PARAGRAPH_MENTION <= packed.length; at += PARAGRAPH_MENTION) {
    if (refs[packed[at]] !== id || number < packed[at + 1] || number > packed[at + 2]) continue;
    const line = packed[at + 3];
    ranges.push({ start: { line, character: packed[at + 4] }, end: { line, character: packed[at + 5] } });
  }
  return ranges;
}

/**
 * Signatures and classifiers as indexed, each spelling once: a post's cables are signed and classified by a handful of
 * names, so the index holds one string for each (a copy of the first cable's, never a slice of its text) and every entry
 * signed or classified alike points at it.
 * Spellings of cables since dropped stay until the table is full, when it starts again (the entries keep their strings).
 */
const signatures = new Map<string, string>();
const SIGNATURES_KEPT = 20000;

/** `text`'s one indexed copy (see {@link signatures}). */
export function internSignature(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const known = signatures.get(text);
  if (known !== undefined) return known;
  if (signatures.size >= SIGNATURES_KEPT) signatures.clear();
  const own = ownCopy(text);
  signatures.set(own, own);
  return own;
}

/**
 * {@link IndexedCable.classifier} of `cable`, as a property to spread (none when absent): the classifier's name as the
 * parser separates it (`Classified By: DCM Ann Doe for reasons 1.4 (b).` gives `DCM Ann Doe`), shared as the signatures
 * are, since a post's cables are classified by a few names; not a blanked one (`Classified By: XXXXXXXXXXXX`), which
 * names nobody, nor the source of a derived classification (`Derived From: DSCG 05-1`), which is no person.
 */
function classifierOf(cable: Cable): { classifier?: string } {
  const by = cable.classifiedBy;
  const text = by && !by.derived ? by.classifier?.text.trim() : undefined;
  if (!text || isBlankedLine(text)) return {};
  return { classifier: internSignature(text) };
}

/** The ranges of `tags` as {@link IndexedCable.tagRanges} keeps them. */
function packedTagRanges(tags: readonly Tag[]): number[] {
  const packed = new Array<number>(tags.length * 3);
  tags.forEach(({ token: { range: r } }, i) => {
    packed[i * 3] = r.start.line;
    packed[i * 3 + 1] = r.start.character;
    packed[i * 3 + 2] = r.end.character;
  });
  return packed;
}

/** Where the TAG `code` (upper case, `PREL`) stands in an indexed cable's TAGS field: the first, when it is written twice. */
export function tagRange(entry: IndexedCable, code: string): Range | undefined {
  const i = entry.tags.indexOf(code);
  const packed = entry.tagRanges;
  if (i < 0 || !packed || packed.length < i * 3 + 3) return undefined;
  const line = packed[i * 3];
  return { start: { line, character: packed[i * 3 + 1] }, end: { line, character: packed[i * 3 + 2] } };
}

/** The paragraphs' markers as {@link IndexedCable.paragraphMarkers} keeps them. */
function packedParagraphMarkers(cable: Cable): number[] {
  const packed = new Array<number>(cable.paragraphs.length * 4);
  cable.paragraphs.forEach(({ readAs, marker: { range: r } }, i) => {
    packed[i * 4] = readAs;
    packed[i * 4 + 1] = r.start.line;
    packed[i * 4 + 2] = r.start.character;
    packed[i * 4 + 3] = r.end.character;
  });
  return packed;
}

/** {@link IndexedCable.paragraphCopy} of `cable`, as a property to spread (none when absent). */
function copyOf(cable: Cable): { paragraphCopy?: 'ended' | 'open' } {
  const copy = paragraphCopy(cable);
  return copy === undefined ? {} : { paragraphCopy: copy.ended ? 'ended' : 'open' };
}

/** What an indexed cable tells of its paragraph numbers for CBL054, or undefined when it can tell nothing (`paragraphCopy`). */
export function indexedParagraphCopy(entry: IndexedCable): ParagraphCopy | undefined {
  const packed = entry.paragraphMarkers;
  if (entry.paragraphCopy === undefined || packed === undefined) return undefined;
  const numbers = new Array<number>(packed.length >> 2);
  for (let i = 0; i < numbers.length; i++) numbers[i] = packed[i * 4];
  return { numbers, ended: entry.paragraphCopy === 'ended' };
}

/** True when `before` and `after`, two readings of a file, differ in what CBL054 reads of them in the cables citing them: the id or the paragraphs. */
export function paragraphsChanged(before: IndexedCable | undefined, after: IndexedCable | undefined): boolean {
  if (before?.id !== after?.id || before?.paragraphCopy !== after?.paragraphCopy) return true;
  const a = before?.paragraphMarkers;
  const b = after?.paragraphMarkers;
  if (a === b) return false;
  if (a === undefined || b === undefined || a.length !== b.length) return true;
  for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i]) return true;
  return false;
}

/** The marker of the first paragraph of an indexed cable read as `number` (`¶3.` for 3), or undefined when it has none. */
export function paragraphMarkerRange(entry: IndexedCable, number: number): Range | undefined {
  const packed = entry.paragraphMarkers ?? [];
  for (let i = 0; i + 3 < packed.length; i += 4) {
    if (packed[i] === number) {
      const line = packed[i + 1];
      return { start: { line, character: packed[i + 2] }, end: { line, character: packed[i + 3] } };
    }
  }
  return undefined;
}

/** The canonical id a file name gives (`09PARIS1039.txt` → `09PARIS1039`). */
export function idFromFileName(uri: string): string | undefined {
  return idFromName(fileName(uri));
}

/**
 * The one spelling of a URI the index keys on: clients escape the same path differently
 * (VS Code writes "(" as `%28`, Helix leaves it), so that an open file is not indexed twice.
 */
export function indexKey(uri: string): string {
  return URI.parse(uri).toString();
}

/**
 * Cables by URI with an id lookup and a reverse citation map.
 * Several files may hold the same cable (a copy in another folder): the id stays
 * while any of them remains, and {@link CableIndex.byId} prefers the one its file name gives.
 */
export class CableIndex {
  readonly #byUri = new Map<string, IndexedCable>();
  readonly #byId = new Map<string, IndexedCable[]>();
  /** What search reads of each cable, by key, worked out once when it is indexed. */
  readonly #searchable = new Map<string, Searchable>();
  /** How many indexed cables have an id of each post, for search to tell whether a query may start an id at all. */
  readonly #posts = new Map<string, number>();
  /**
   * What search reads of each cable, in the order it lists the cables of one rank ({@link searchOrder}: latest first),
   * made when search first asks and brought up to date at each search after (`#inSearchOrder`); some may be stale
   * (`Searchable.stale`), a file indexed again or dropped since, whose key `#reordered` holds.
   */
  #ordered: Searchable[] | undefined;
  /** The keys indexed again or dropped since `#ordered` was last brought up to date. */
  readonly #reordered = new Set<string>();
  /**
   * The readings `#ordered` may hold that went stale since, while they are few ({@link FEW_REORDERED}): each is found
   * in it by binary search; undefined once there are more, when the whole list is passed over.
   */
  #dropped: Searchable[] | undefined = [];
  #asked = 0;

  get size(): number {
    return this.#byUri.size;
  }

  /**
   * How many times the index has been asked about the collection ({@link CableIndex.all}, {@link CableIndex.byId},
   * {@link CableIndex.copiesOf}, {@link CableIndex.tagged}, {@link CableIndex.citing}, {@link CableIndex.search}), not
   * about one file: a request whose answer asked it while it was being built is answered again once it is.
   */
  get asked(): number {
    return this.#asked;
  }

  /** The cable at `uri`, as indexed. */
  get(uri: string): IndexedCable | undefined {
    return this.#byUri.get(indexKey(uri));
  }

  set(entry: IndexedCable): void {
    const key = indexKey(entry.uri);
    const old = this.#byUri.get(key);
    if (paragraphsChanged(old, entry)) this.#noteParagraphs(old, entry);
    this.#remove(key, false);
    this.#byUri.set(key, entry);
    const s = searchable(key, entry);
    this.#searchable.set(key, s);
    if (this.#ordered) this.#reordered.add(key);
    for (const post of new Set(s.ids.map((id) => id.post))) this.#posts.set(post, (this.#posts.get(post) ?? 0) + 1);
    if (entry.id) {
      const same = this.#byId.get(entry.id);
      // The files holding one cable by their keys, so that which of them was indexed last (opened, edited) changes no order.
      if (same) {
        const after = same.findIndex((e) => indexKey(e.uri) > key);
        same.splice(after < 0 ? same.length : after, 0, entry);
      } else this.#byId.set(entry.id, [entry]);
    }
  }

  /** Every indexed cable, in the order indexed. */
  all(): IterableIterator<IndexedCable> {
    this.#asked++;
    return this.#byUri.values();
  }

  /** Drops the cable at `uri`; true when there was one. */
  delete(uri: string): boolean {
    return this.#remove(indexKey(uri));
  }

  /** Drops every cable in the folder `uri` and its subfolders (a folder deleted at once); returns how many. */
  deleteUnder(uri: string): number {
    const prefix = indexKey(uri).replace(/\/*$/, '/');
    let n = 0;
    // Deleting from a Map while iterating over it visits every remaining entry once.
    for (const key of this.#byUri.keys()) if (key.startsWith(prefix) && this.#remove(key)) n++;
    return n;
  }

  #remove(key: string, noted = true): boolean {
    const old = this.#byUri.get(key);
    if (!old) return false;
    const searched = this.#searchable.get(key)!;
    searched.stale = true;
    if (this.#ordered && this.#dropped) {
      if (this.#dropped.length < FEW_REORDERED) this.#dropped.push(searched);
      else this.#dropped = undefined;
    }
    if (noted) this.#noteParagraphs(old, undefined);
    this.#byUri.delete(key);
    for (const post of new Set(searched.ids.map((id) => id.post))) {
      const n = this.#posts.get(post) ?? 0;
      if (n > 1) this.#posts.set(post, n - 1);
      else this.#posts.delete(post);
    }
    this.#searchable.delete(key);
    if (this.#ordered) this.#reordered.add(key);
    const same = old.id ? this.#byId.get(old.id) : undefined;
    if (same) {
      same.splice(same.indexOf(old), 1);
      if (same.length === 0) this.#byId.delete(old.id!);
    }
    return true;
  }

  /**
   * The cable with canonical id `id`: of several files holding it, the one named after it (`09PARIS708.txt` before PlusD's
   * `09PARIS708_a.txt` and `2009PARIS708.txt`), else the first by URI ({@link indexKey}), whichever was opened last.
   */
  byId(id: string): IndexedCable | undefined {
    this.#asked++;
    const same = this.#byId.get(id);
    if (!same) return undefined;
    if (same.length === 1) return same[0];
    return same.find((e) => idFromFileName(e.uri) === id && fileName(e.uri).startsWith(`${id}.`)) ?? same.find((e) => idFromFileName(e.uri) === id) ?? same[0];
  }

  /** The ids whose reading changed for CBL054 since {@link CableIndex.takeParagraphChanges} was last called. */
  #paragraphChanges = new Set<string>();

  #noteParagraphs(before: IndexedCable | undefined, after: IndexedCable | undefined): void {
    if (before?.id !== undefined) this.#paragraphChanges.add(before.id);
    if (after?.id !== undefined) this.#paragraphChanges.add(after.id);
  }

  /**
   * The ids of the cables whose id or paragraphs, as CBL054 reads them in the cables citing them ({@link paragraphsChanged}),
   * changed since the last call: a file holding one indexed, read again with other paragraphs, or dropped.
   */
  takeParagraphChanges(): ReadonlySet<string> {
    const changed = this.#paragraphChanges;
    this.#paragraphChanges = new Set();
    return changed;
  }

  /** The files whose text names a paragraph of a cable they cite ({@link IndexedCable.citesParagraphs}) among `ids`, without counting as a question ({@link CableIndex.asked}). */
  citingParagraphsOf(ids: ReadonlySet<string>): IndexedCable[] {
    const result: IndexedCable[] = [];
    for (const entry of this.#byUri.values()) if (entry.citesParagraphs && entry.refs.some((id) => ids.has(id))) result.push(entry);
    return result;
  }

  /**
   * The cable {@link CableIndex.byId} gives for `id`, without counting as a question about the collection ({@link CableIndex.asked}):
   * the linter's lookup (CBL054), which a validation makes whether the index is built or not, and which is made again once a cited cable is indexed.
   */
  peek(id: string): IndexedCable | undefined {
    const asked = this.#asked;
    const entry = this.byId(id);
    this.#asked = asked;
    return entry;
  }

  /** Every file holding the cable `id`: the one {@link CableIndex.byId} prefers first, then the others by URI. */
  copiesOf(id: string): IndexedCable[] {
    const preferred = this.byId(id);
    return preferred ? [preferred, ...this.#byId.get(id)!.filter((e) => e !== preferred)] : [];
  }

  /** Cables whose TAGS field has the TAG `code` (upper case, `PREL`), by URI. */
  tagged(code: string): IndexedCable[] {
    this.#asked++;
    return this.#sortedWhere((entry) => entry.tags.includes(code));
  }

  /** Cables whose REF field cites `id`, by URI. */
  citing(id: string): IndexedCable[] {
    this.#asked++;
    return this.#sortedWhere((entry) => entry.refs.includes(id));
  }

  /**
   * The indexed cables `test` takes, by their keys ({@link indexKey}): not in the order indexed, in which an open
   * document's entry, indexed again at each edit, moves to the end, so that a list of references or citing cables
   * would change order as cables are opened.
   */
  #sortedWhere(test: (entry: IndexedCable) => boolean): IndexedCable[] {
    const found: [string, IndexedCable][] = [];
    for (const pair of this.#byUri) if (test(pair[1])) found.push(pair);
    if (found.length > 1) found.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return found.map((pair) => pair[1]);
  }

  /**
   * Workspace symbols by id (`09PARIS708`, `PARIS 708`, `09 PARIS 708`; the id the text gives or the one
   * its file name gives), subject words, TAGS, the persons named after OVIP-style TAGS, the signature, the classifier, date or file name (without its extension, or pasted whole:
   * `09PARIS708.txt`; a word with a dot after its first character is looked for in the whole name too, so that
   * `.txt` alone finds no file). The cables whose id was typed come first, then the others by {@link matchRank}, each
   * rank latest first ({@link searchOrder}), at most `limit` in all; a query read as an id with a year
   * (`09 STATE 13750`) lists no cable of that post from another year, whose date or serial may hold the words typed
   * (10STATE13750 of 9 January 2010).
   *
   * A symbol is named by the id and the subject (`09PARIS708: MINISTER ON TRADE`), with the date, classification
   * and TAGS as its container. VS Code sends the server only the first word typed (`PARIS` of `PARIS 708`), and keeps
   * only the symbols whose name matches the whole query or that word (the others then in the container or file name), so a cable
   * found by what its name does not show (a TAG, the date, a file name that gives another id) has it added to
   * the name: `09PARIS708: MINISTER ON TRADE · TAGS ETRD FR`.
   */
  search(query: string, limit = WORKSPACE_SYMBOL_LIMIT): WorkspaceSymbol[] {
    this.#asked++;
    const q = query.trim();
    const typed = parseCableId(q);
    const words = q.toUpperCase().split(/\s+/).filter((w) => w.length > 0);
    // A word with a dot after its first character may be a file name with its extension (`09PARIS708.TXT`): what comes
    // before its last dot, which the text searched holds, is looked for first, so that only those files' names are read.
    const stems = words.map((w) => (w.lastIndexOf('.') > 0 ? w.slice(0, w.lastIndexOf('.')) : undefined));
    const exact: IndexedCable[] = [];
    // The other cables that hold every word typed, best first, each latest first: those whose id starts with the
    // first word (`PARIS` of 09PARIS708, `09PARIS7`, the other words whole), those whose subject holds it as a whole word,
    // those where every word is a whole word elsewhere (the TAG `KN`, `IRAN`), and those where one is part of a longer word
    // (`KNNP`, `ACKNOWLEDGES`, `IRANIANS`). VS Code sends only the first word typed and keeps what the answer holds, so the
    // limit cuts the least useful.
    const ranks: IndexedCable[][] = [[], [], [], []];
    // When no id can start with the first word (`trade`), nothing can rank above a full second rank: the search stops
    // there rather than read the whole collection.
    const best = words.length > 0 && this.#mayStartId(words[0]) ? 0 : 1;
    // Read in the order each rank lists them, so that a full rank holds the latest cables of that rank, whichever file was
    // read or opened first (in the order indexed, it held the first read, and an open cable, indexed again at each edit,
    // moved to the end).
    for (const s of this.#inSearchOrder()) {
      const entry = s.entry;
      if (typed && s.ids.some((id) => id.post === typed.post && id.number === typed.number && (typed.year === undefined || id.year === typed.year))) exact.push(entry);
      else if (typed?.year !== undefined && s.ids.some((id) => id.post === typed.post) && !s.ids.some((id) => id.post === typed.post && id.year === typed.year)) continue;
      else if (words.every((w, i) => s.text.includes(w) || inFileName(entry, s.text, w, stems[i]))) {
        // Nothing typed: every cable, latest first.
        const rank = words.length === 0 ? 2 : matchRank(s, words);
        if (ranks[rank].length < limit) ranks[rank].push(entry);
        // Nothing after can rank above a full best rank, but a cable whose id was typed.
        else if (rank === best && !typed) break;
      }
    }
    return [...this.#byPreference(exact, q), ...ranks.flat()].slice(0, limit).map((entry) => ({
      name: symbolName(entry, words),
      kind: SymbolKind.File,
      containerName: [entry.dtg?.slice(0, 10), entry.classification, entry.tags.join(' ')].filter(Boolean).join(' · '),
      location: { uri: entry.uri, range: { start: { line: entry.bannerLine ?? 0, character: 0 }, end: { line: entry.bannerLine ?? 0, character: 0 } } },
    }));
  }

  /**
   * What search reads of every indexed cable, in {@link searchOrder}: sorted whole when first asked for, then brought up
   * to date: after a few changes (an open cable edited) each stale reading is taken out and each new one put in at its
   * place, found by binary search; after more (a folder read) the new ones are sorted and merged in with one pass over
   * the list, so that it is never sorted whole again.
   */
  #inSearchOrder(): Searchable[] {
    if (!this.#ordered) this.#ordered = [...this.#searchable.values()].sort(searchOrder);
    else if (this.#dropped && this.#reordered.size <= FEW_REORDERED) {
      const ordered = this.#ordered;
      for (const old of this.#dropped) {
        const at = placeOf(ordered, old);
        if (ordered[at] === old) ordered.splice(at, 1);
      }
      for (const key of this.#reordered) {
        const s = this.#searchable.get(key);
        if (s) ordered.splice(placeOf(ordered, s), 0, s);
      }
    } else if (this.#reordered.size > 0) {
      const kept = this.#ordered.filter((s) => !s.stale);
      const added: Searchable[] = [];
      for (const key of this.#reordered) {
        const s = this.#searchable.get(key);
        if (s) added.push(s);
      }
      this.#ordered = merged(kept, added.sort(searchOrder));
    }
    this.#reordered.clear();
    this.#dropped = [];
    return this.#ordered;
  }

  /**
   * True when the upper-case `word` may start an indexed cable's id, with its year or without (`PAR`, `09PARIS7`): a post
   * indexed starts with its letters, or they start with the post.
   */
  #mayStartId(word: string): boolean {
    const m = /^(?:\d{2})?([A-Z]*)/.exec(word)!;
    const letters = m[1];
    if (m[0].length < word.length && letters.length === 0) return false;
    for (const post of this.#posts.keys()) if (post.startsWith(letters) || letters.startsWith(post)) return true;
    return false;
  }

  /**
   * The files holding the cable whose id was typed as `query`, ordered: the file named as typed (`09PARIS708_a`,
   * `2009PARIS708`), then the one {@link CableIndex.byId} prefers (named after the id), then the others by URI,
   * so that the order does not hang on which file was opened last.
   */
  #byPreference(exact: readonly IndexedCable[], query: string): IndexedCable[] {
    if (exact.length < 2) return [...exact];
    const typed = query.toUpperCase();
    const rank = (e: IndexedCable): number => {
      const stem = fileName(e.uri).replace(/\.[^.]*$/, '').toUpperCase();
      if (stem === typed) return 0;
      return e.id !== undefined && this.byId(e.id) === e ? 1 : 2;
    };
    const ranked = byKey(exact).map((e, i) => ({ e, i, r: rank(e) }));
    return ranked.sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.e);
  }
}

/** `entries` by their keys ({@link indexKey}), as {@link CableIndex.citing} lists them, whatever order they were indexed in. */
function byKey(entries: readonly IndexedCable[]): IndexedCable[] {
  if (entries.length < 2) return [...entries];
  return entries.map((entry) => ({ entry, key: indexKey(entry.uri) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((x) => x.entry);
}

/**
 * The order search lists the cables of one rank in, as REF citation completion and the client's Insert Citation list
 * them: latest first, by the date (an undated cable by its id's year, after that year's dated cables), the undated with
 * no year last; then by id or file name (`09NOWHERE99` before `09NOWHERE708`), then by key.
 */
function searchOrder(a: Searchable, b: Searchable): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.label < b.label ? -1 : a.label > b.label ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** How many changes to the index search's order takes in one at a time: more are merged in with one pass over it. */
const FEW_REORDERED = 32;

/** Where `s` stands in `ordered`, a list in {@link searchOrder}: the index of the first reading that does not come before it. */
function placeOf(ordered: readonly Searchable[], s: Searchable): number {
  let lo = 0;
  let hi = ordered.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (searchOrder(ordered[mid], s) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The two lists, each in {@link searchOrder}, as one. */
function merged(a: readonly Searchable[], b: readonly Searchable[]): Searchable[] {
  if (b.length === 0) return [...a];
  const out: Searchable[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(searchOrder(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/**
 * At most this many workspace symbols answer a query: VS Code asks again at each key typed, and fuzzy-matches and sorts
 * what the answer holds, which costs it little for a few thousand; the server's search and names cost about
 * a millisecond a thousand symbols.
 */
export const WORKSPACE_SYMBOL_LIMIT = 1000;

/**
 * How well a cable that holds every word typed matches them, best first: 0 when its id starts with the first word and the
 * others are whole words, 1 when its subject holds the first word as a whole word and the others are whole words, 2 when
 * every word is a whole word, 3 when one is only part of a longer word (or a file name's).
 */
function matchRank(s: Searchable, words: readonly string[]): number {
  for (let k = 1; k < words.length; k++) if (!hasWholeWord(s.text, words[k])) return 3;
  const first = words[0];
  if (s.idForms.some((f) => f.startsWith(first))) return 0;
  if (!hasWholeWord(s.text, first)) return 3;
  return hasWholeWord(s.text, first, s.subjectFrom, s.subjectTo) ? 1 : 2;
}

/**
 * True when the upper-case `word` stands in `text` as a whole word, between `from` and `to`: neither a letter nor a digit
 * touches it on either side.
 */
function hasWholeWord(text: string, word: string, from = 0, to = text.length): boolean {
  for (let at = text.indexOf(word, from); at >= 0 && at + word.length <= to; at = text.indexOf(word, at + 1)) {
    if (!isWordCharacter(text[at - 1]) && !isWordCharacter(text[at + word.length])) return true;
  }
  return false;
}

/**
 * One cable of the workspace collection as the optional `cable/collection` request answers it (the VS Code
 * client's Cables view): what the index holds, with null for what the cable does not give.
 */
export interface CollectionEntry {
  readonly uri: string;
  /** Canonical id (`09PARIS708`), from the text or else the file name. */
  readonly id: string | null;
  /** True when `id` is the file name's, the text giving none. */
  readonly idFromFileName: boolean;
  readonly subject: string | null;
  /** ISO 8601: the DTG (`2009-06-03T13:22:00Z`) or the date line's date (`2009-06-03`). */
  readonly date: string | null;
  /** The banner's level; null without a banner (never inferred from markings or the header). */
  readonly classification: string | null;
  readonly tags: readonly string[];
  readonly post: string | null;
}

/** The entry of `cable/collection` for an indexed cable. */
export function collectionEntry(entry: IndexedCable): CollectionEntry {
  return {
    uri: entry.uri,
    id: entry.id ?? null,
    idFromFileName: entry.idFromFileName === true,
    subject: entry.subject ?? null,
    date: entry.dtg ?? null,
    classification: entry.classification ?? null,
    tags: entry.tags,
    post: entry.post ?? null,
  };
}

/**
 * True when what other views show of a cable differs between two readings (either may be missing): its entry in the
 * Cables view, and the inlay hints and tooltips of the cables that cite it (which show the same fields but the post).
 */
export function shownChanged(before: IndexedCable | undefined, after: IndexedCable | undefined): boolean {
  if (!before || !after) return before !== after;
  return before.id !== after.id || before.idFromFileName !== after.idFromFileName || before.subject !== after.subject || before.dtg !== after.dtg || before.classification !== after.classification || before.post !== after.post || before.tags.join(' ') !== after.tags.join(' ');
}

/**
 * True when the upper-case `word`, whose part before its last dot is `stem`, is in the name of the file of `entry`,
 * extension included; the name is read only when `text`, what search reads of the cable, holds `stem`.
 */
function inFileName(entry: IndexedCable, text: string, word: string, stem: string | undefined): boolean {
  return stem !== undefined && text.includes(stem) && fileName(entry.uri).toUpperCase().includes(word);
}

/**
 * The id (or the file name) and the subject, then whatever else the query's upper-case `words` were found in:
 * the TAGS, a person named after an OVIP-style TAG, the signature (`signed CALLOWAY`), the classifier
 * (`classified by Ambassador Ruth Calloway`), the file name, the post (of a cable with no id) or the date (the id's
 * year for an undated cable), each once.
 */
function symbolName(entry: IndexedCable, words: readonly string[]): string {
  const base = entry.id ?? fileName(entry.uri);
  let name = entry.subject ? `${base}: ${entry.subject}` : base;
  const shown = name.toUpperCase();
  const fields = [entry.tags.length > 0 ? `TAGS ${entry.tags.join(' ')}` : '', ...(entry.persons ?? []), entry.signature ? `signed ${entry.signature}` : '', entry.classifier ? `classified by ${entry.classifier}` : '', fileName(entry.uri), entry.post ?? '', entry.dtg?.slice(0, 10) ?? '', entry.dtg ?? idYear(entry.id) ?? ''].filter((f) => f.length > 0);
  const added = new Set<string>();
  for (const word of words) {
    if (shown.includes(word)) continue;
    const field = fields.find((f) => f.toUpperCase().includes(word));
    if (field && !added.has(field)) {
      added.add(field);
      name += ` · ${field}`;
    }
  }
  return name;
}

/** What workspace-symbol search reads of a cable. */
interface Searchable {
  /** The cable's key in the index ({@link indexKey}), and its entry. */
  readonly key: string;
  readonly entry: IndexedCable;
  /** True once the file is indexed again or dropped: search's order (`CableIndex.#ordered`) leaves it out at its next search. */
  stale: boolean;
  /**
   * What orders it among the cables of one rank ({@link searchOrder}): the date, else the id's year; the id or the file
   * name in upper case with each run of digits padded to 12 (`09NOWHERE99` before `09NOWHERE708`), which compares as
   * strings as people read them, as the client's Cables view compares its labels.
   */
  readonly date: string | undefined;
  readonly label: string;
  /** Id, file name without its extension, post, subject, TAGS, the persons after OVIP-style TAGS, the signature, the classifier and date, in upper case. */
  readonly text: string;
  /** The id the text gives and the one the file name gives, read. */
  readonly ids: readonly TypedCableId[];
  /** Those ids with the year and without (`09PARIS708`, `PARIS708`), which a query may start. */
  readonly idForms: readonly string[];
  /** Where the subject stands in `text`. */
  readonly subjectFrom: number;
  readonly subjectTo: number;
}

function searchable(key: string, entry: IndexedCable): Searchable {
  // The name without its extension, so that "x" or "cable" does not find every file.
  const name = fileName(entry.uri).replace(/\.[^.]*$/, '');
  const ids: TypedCableId[] = [];
  for (const id of new Set([entry.id, idFromFileName(entry.uri)])) {
    const read = id === undefined ? undefined : parseCableId(id);
    if (read) ids.push(read);
  }
  const idForms = ids.flatMap((id) => (id.year === undefined ? [] : [canonicalId(id.year, id.post, id.number)]).concat(`${id.post}${id.number}`));
  // The post as a word of its own (`PARIS`, `BUENOS AIRES`), which the id (`09PARIS708`) holds only inside a longer word;
  // for an undated cable (a partial extract), the year its id gives, so that `2004` finds 04MADRID1731 too.
  const before = `${entry.id ?? ''} ${name} ${entry.post ?? ''} `;
  const subject = entry.subject ?? '';
  // The signature and the classifier, so that an archivist finds the cables a name signed or classified (`CROCKER`): a
  // post's cables are signed and classified by a few names.
  const text = `${before}${subject} ${entry.tags.join(' ')} ${entry.persons?.join(' ; ') ?? ''} ${entry.signature ?? ''} ${entry.classifier ?? ''} ${entry.dtg ?? idYear(entry.id) ?? ''}`.toUpperCase();
  const label = idSortKey((entry.id ?? fileName(entry.uri)).toUpperCase());
  return { key, entry, stale: false, date: entry.dtg ?? idYear(entry.id), label, text, ids, idForms, subjectFrom: before.length, subjectTo: before.length + subject.length };
}
