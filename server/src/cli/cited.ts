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
 * workspace index would prefer (the one named after it, else the first in the run's order), each copy's paragraph numbers
 * once however many files share them (most are 1 to n), and the mentions of the few files that name a cited paragraph.
 */
export class CitedParagraphs {
  readonly #held = new Map<string, { readonly rank: number; readonly index: number; readonly copy?: ParagraphCopy }>();
  readonly #mentions = new Map<number, { readonly mentions: readonly CitedParagraphCandidate[]; readonly severity: Severity }>();
  readonly #copies = new Map<string, ParagraphCopy>();

  /** Takes the facts of the file `file`, the `index`th of the run, which was linted (or read from the cache). */
  add(index: number, file: string, facts: CitedFacts | undefined): void {
    if (facts === undefined) return;
    if (facts.mentions !== undefined && facts.mentions.length > 0) this.#mentions.set(index, { mentions: facts.mentions, severity: facts.severity ?? cbl054.defaultSeverity });
    if (facts.id === undefined) return;
    const rank = nameRank(file, facts.id);
    const before = this.#held.get(facts.id);
    if (before !== undefined && (before.rank < rank || (before.rank === rank && before.index < index))) return;
    this.#held.set(facts.id, { rank, index, ...(facts.copy && { copy: this.#shared(facts.copy) }) });
  }

  /** `copy`, or an equal one taken before. */
  #shared(copy: ParagraphCopy): ParagraphCopy {
    const key = `${copy.ended ? 1 : 0}${copy.numbers.join(',')}`;
    const known = this.#copies.get(key);
    if (known !== undefined) return known;
    this.#copies.set(key, copy);
    return copy;
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
    for (const m of entry.mentions) {
      const held = this.#held.get(m.id);
      if (held === undefined || held.rank !== 0 || held.index >= index) return undefined;
    }
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
      const message = citedParagraphMessage(m, this.#held.get(m.id)?.copy);
      if (message !== undefined) found.push({ id: cbl054.id, name: cbl054.name, severity: entry.severity, message, range: m.range });
    }
    // A stable sort: the file's findings keep their order, and CBL054's theirs, where two start together.
    return found.length > 0 ? { file: result.file, findings: [...result.findings, ...found].sort(byPositionThenId) } : result;
  }
}
