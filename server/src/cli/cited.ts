/**
 * CBL054 in `cablelint`: a paragraph a cable names of a cable it cites ("REF A para 9") is checked against that cable
 * when it is among the files of the same run, as the editor checks it against its workspace index.
 *
 * Its findings hang on two files, and a run lints each file alone (on worker threads for large collections, with
 * `--cache` keeping each file's findings under its own text). So each file gives, beside its own findings (which never
 * hold CBL054's: `lintCable` runs it only with a lookup), a few small facts: its canonical id, what its copy tells of its
 * paragraph numbers ({@link ParagraphCopy}) and the paragraphs it names of cited cables ({@link CitedParagraphCandidate}),
 * never its text or model. They travel back from the threads with its findings and are cached with them; once every
 * file whose cited cables can no longer change is read ({@link CitedParagraphs.settle}), or every file ({@link CitedParagraphs.resolve}),
 * the mentions are checked against the copies, whatever was read from the cache, so that a cached file's findings follow a
 * change to the cable it cites.
 */
import { idFromFileName } from '../core/id';
import type { Cable } from '../core/model';
import type { ResolvedConfig } from '../core/config';
import { byPositionThenId } from '../core/lint';
import { citedParagraphCandidates, citedParagraphMessage, citingId, rule as cbl054, type CitedParagraphCandidate } from '../core/rules/cbl054-cited-paragraph-missing';
import type { ParagraphCopy, Severity } from '../core/rules/types';
import { paragraphCopy } from '../core/rules/util';
import type { FileResult, ReportedFinding } from './formats';

/** What CBL054 needs of one file of a run: nothing of a file with no id and no mention of a cited paragraph. */
export interface CitedFacts {
  /** Its canonical id: the banner's, else its file name's, as the workspace index reads it. */
  readonly id?: string;
  /** What its copy tells of its paragraph numbers, when it has an id and can tell ({@link paragraphCopy}). */
  readonly copy?: ParagraphCopy;
  /** The paragraphs it names of the cables it cites, when CBL054 is on for it. */
  readonly mentions?: readonly CitedParagraphCandidate[];
  /** CBL054's severity for it (its configuration, `--rule`), with `mentions`. */
  readonly severity?: Severity;
}

/**
 * The facts CBL054 needs of `cable`, the text of `file` linted under `config` (whose setting for CBL054 says whether its
 * mentions count); undefined when there are none.
 */
export function citedFacts(file: string, cable: Cable, config: ResolvedConfig): CitedFacts | undefined {
  const id = citingId(cable, file);
  const setting = config.rules.get(cbl054.id) ?? cbl054.defaultSeverity;
  const mentions = setting === 'off' ? [] : citedParagraphCandidates(cable, id);
  const copy = id === undefined ? undefined : paragraphCopy(cable);
  if (id === undefined && mentions.length === 0) return undefined;
  return { ...(id === undefined ? {} : { id }), ...(copy === undefined ? {} : { copy }), ...(mentions.length === 0 || setting === 'off' ? {} : { mentions, severity: setting }) };
}

/**
 * How much `file`'s name says it holds the cable `id`, as the workspace index prefers one of several copies: 0 when it
 * is named after it (`09PARIS708.txt`), 1 when its name reads as it (PlusD's `09PARIS708_a.txt`, `2009PARIS708.txt`), else 2.
 */
function nameRank(file: string, id: string): number {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return name.startsWith(`${id}.`) ? 0 : idFromFileName(name) === id ? 1 : 2;
}

/**
 * What CBL054 needs of the files of one run, gathered as their results come (from this thread, the threads or the cache,
 * in any order), then {@link CitedParagraphs.settle} or {@link CitedParagraphs.resolve}. It keeps, for each id, the copy of the file holding it that the
 * workspace index would prefer (the one named after it, else the first in the run's order: {@link HeldIds}), each copy's paragraph numbers
 * once however many files share them (most are 1 to n), and the mentions of the few files that name a cited paragraph.
 */
export class CitedParagraphs {
  readonly #held = new HeldIds();
  readonly #mentions = new Map<number, { readonly mentions: readonly CitedParagraphCandidate[]; readonly severity: Severity }>();

  /** Takes the facts of the file `file`, the `index`th of the run, which was linted (or read from the cache). */
  add(index: number, file: string, facts: CitedFacts | undefined): void {
    if (facts === undefined) return;
    if (facts.mentions !== undefined && facts.mentions.length > 0) this.#mentions.set(index, { mentions: facts.mentions, severity: facts.severity ?? cbl054.defaultSeverity });
    if (facts.id !== undefined) this.#held.offer(facts.id, nameRank(file, facts.id), index, facts.copy);
  }

  /**
   * The result of the `index`th file with CBL054's findings once they can no longer change, or undefined while they can,
   * every file before it having been added: a file that names no cited paragraph is final as it is, and one that does,
   * once each cable it names is held by a file named after it ("09PARIS708.txt", which no later file can take the place
   * of) before it in the run. The mentions of a file settled so are dropped; the others wait for {@link CitedParagraphs.resolve}.
   */
  settle(index: number, result: FileResult): FileResult | undefined {
    const entry = this.#mentions.get(index);
    if (entry === undefined) return result;
    for (const m of entry.mentions) if (!this.#held.heldBefore(m.id, index)) return undefined;
    return this.resolve(index, result);
  }

  /**
   * The result of the `index`th file with CBL054's findings, once every file of the run is added: each mention is checked
   * against the copy held of the cable it cites, and its finding takes its place among the file's findings as `lintCable`
   * orders them. A result without such a finding is given back as it is.
   */
  resolve(index: number, result: FileResult): FileResult {
    const entry = this.#mentions.get(index);
    if (entry === undefined) return result;
    this.#mentions.delete(index);
    const found: ReportedFinding[] = [];
    for (const m of entry.mentions) {
      const message = citedParagraphMessage(m, this.#held.copy(m.id));
      if (message !== undefined) found.push({ id: cbl054.id, name: cbl054.name, severity: entry.severity, message, range: m.range });
    }
    // A stable sort: the file's findings keep their order, and CBL054's theirs, where two start together.
    return found.length > 0 ? { file: result.file, findings: [...result.findings, ...found].sort(byPositionThenId) } : result;
  }
}

/**
 * The file each cable id of a run is held by: its rank ({@link nameRank}), its index in the run and its copy's paragraph
 * numbers. A later file may cite any id met before, so every id is kept for the run, and packed, as a collection of
 * hundreds of thousands of files makes as many: each id once, as a string of its own, in a map to its place in three
 * typed arrays grown by doubling, and each distinct copy once in a list: about 80 bytes an id of 19 characters, where
 * the id as the parser made it in a map to an object took about 200, 117 with the id flat (test/unit/memory.test.ts;
 * bench/RESULTS.md, session 47).
 */
class HeldIds {
  /** Each id held, and its place in the arrays below. */
  readonly #places = new Map<string, number>();
  #ranks = new Uint8Array(64);
  #indexes = new Uint32Array(64);
  /** 1 + the place of the id's copy in {@link HeldIds.#copyList}, or 0 when its file tells none. */
  #copies = new Uint32Array(64);
  /** Each distinct copy, and its place in {@link HeldIds.#copyList} by its numbers (`1` or `0` for `ended`, then the numbers). */
  readonly #copyPlaces = new Map<string, number>();
  readonly #copyList: ParagraphCopy[] = [];

  /** Takes the file `index` of the run, of rank `rank`, as the holder of `id` when the workspace index would prefer it to the one held. */
  offer(id: string, rank: number, index: number, copy: ParagraphCopy | undefined): void {
    let place = this.#places.get(id);
    if (place !== undefined && (this.#ranks[place] < rank || (this.#ranks[place] === rank && this.#indexes[place] < index))) return;
    place ??= this.#add(id);
    this.#ranks[place] = rank;
    this.#indexes[place] = index;
    this.#copies[place] = copy === undefined ? 0 : 1 + this.#copyPlace(copy);
  }

  /** True when `id` is held by a file named after it (which no later file can take the place of) before the file `index`. */
  heldBefore(id: string, index: number): boolean {
    const place = this.#places.get(id);
    return place !== undefined && this.#ranks[place] === 0 && this.#indexes[place] < index;
  }

  /** The copy of the file holding `id`, when it tells one. */
  copy(id: string): ParagraphCopy | undefined {
    const place = this.#places.get(id);
    return place === undefined || this.#copies[place] === 0 ? undefined : this.#copyList[this.#copies[place] - 1];
  }

  /** A new place for `id`, the arrays grown when full. */
  #add(id: string): number {
    const place = this.#places.size;
    if (place === this.#indexes.length) {
      this.#ranks = doubled(this.#ranks, new Uint8Array(2 * place));
      this.#indexes = doubled(this.#indexes, new Uint32Array(2 * place));
      this.#copies = doubled(this.#copies, new Uint32Array(2 * place));
    }
    this.#places.set(ownString(id), place);
    return place;
  }

  /** The place of `copy`, or of an equal one taken before, in {@link HeldIds.#copyList}. */
  #copyPlace(copy: ParagraphCopy): number {
    const key = `${copy.ended ? 1 : 0}${copy.numbers.join(',')}`;
    const known = this.#copyPlaces.get(key);
    if (known !== undefined) return known;
    this.#copyPlaces.set(key, this.#copyList.length);
    this.#copyList.push(copy);
    return this.#copyList.length - 1;
  }
}

/** `larger` with `array`'s values at its start. */
function doubled<T extends Uint8Array | Uint32Array>(array: T, larger: T): T {
  larger.set(array);
  return larger;
}

/**
 * `id` as a flat string of its own, to be kept for the run. The parser's id is one already (`canonicalId` joins it, where
 * a concatenation of 13 characters or more took two objects joining three strings, and kept alive the cable's whole text
 * through a post of 13 letters or more, a slice of it); an id read from a file name can be a slice of its path, and
 * nothing tells the two apart. A JSON round trip gives every string back as it was.
 */
function ownString(id: string): string {
  return JSON.parse(JSON.stringify(id)) as string;
}
