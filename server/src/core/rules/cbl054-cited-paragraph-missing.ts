/**
 * CBL054 cited-paragraph-missing: A paragraph of a cited cable named in the text ("REF A para 9", "para 5 of ref A",
 * "reftel para 2") that the cited cable, held in the workspace, does not have.
 */
import { citedId, idFromFileName } from '../id';
import { findCitedParagraphs } from '../mentions';
import type { Cable, Range } from '../model';
import type { ParagraphCopy, Rule } from './types';

/**
 * A paragraph of a cited cable that a cable's text names, with the cited cable's canonical id: what CBL054 checks
 * against that cable's {@link ParagraphCopy}. Small and plain, so that `cablelint` keeps it per file (in its cache and
 * in the results its threads send back) and checks it once every file of the run is read.
 */
export interface CitedParagraphCandidate {
  /** The cited cable's canonical id (`09VALLETTA388`), as links and Go to Definition read the REF item. */
  readonly id: string;
  /** The paragraph named; with {@link through}, the first of those named. */
  readonly number: number;
  /**
   * The last paragraph named, where a range's text names those between its ends ("REF A paras 3-7": 4 to 6, the range's
   * `number` and `through`, as `InTextReference.rangeFrom` reads them); absent for one paragraph.
   */
  readonly through?: number;
  /** The keyword and number ("para 9"), the number alone of a list's others, or a range's text from its first number to its last ("3-7"). */
  readonly range: Range;
  /** The REF item's letter ("A"), absent for a field of one item ("reftel para 2"). */
  readonly letter?: string;
}

/**
 * The paragraphs of cited cables that `cable`'s text names ({@link findCitedParagraphs}), each with the cited cable's id
 * as read from a cable whose own id is `citing` (its banner's, else its file name's: {@link citingId}); a mention whose
 * REF item gives no id is left out.
 */
export function citedParagraphCandidates(cable: Cable, citing: string | undefined): CitedParagraphCandidate[] {
  // No whole-text test for "para" first (half the cables with a REF field have none): the lines that hold "ref" or "para"
  // are searched for once a cable and kept for CBL045's reader, and a line without "para" is passed over by one short match.
  if (!cable.refs || cable.refs.items.length === 0) return [];
  const found: CitedParagraphCandidate[] = [];
  for (const m of findCitedParagraphs(cable)) {
    const id = citedId(m.item, citing);
    if (id === undefined) continue;
    const letter = m.item.letter === undefined ? {} : { letter: m.item.letter };
    found.push({ id, number: m.number, range: m.range, ...letter });
    // "REF A paras 3-7": the paragraphs between its ends, at the range's text, after its last number's own.
    const from = m.rangeFrom;
    if (from) found.push({ id, number: from.number + 1, through: m.number - 1, range: from.range, ...letter });
  }
  return found;
}

/** The id `cable` cites from: its banner's, else that of its file name `fileName` (a path or URI ending in it). */
export function citingId(cable: Cable, fileName: string | undefined): string | undefined {
  return cable.id ?? (fileName === undefined ? undefined : idFromFileName(fileName));
}

/**
 * True when a REF item of `cable`, whose own id is `citing`, cites a cable `lookup` knows the paragraphs of: else no mention can name a paragraph it
 * lacks, and the text is not read for mentions (a few lookups, where reading a long text's mentions takes milliseconds).
 */
function citesKnownCable(cable: Cable, citing: string | undefined, lookup: (id: string) => ParagraphCopy | undefined): boolean {
  for (const item of cable.refs?.items ?? []) {
    const id = citedId(item, citing);
    if (id !== undefined && lookup(id) !== undefined) return true;
  }
  return false;
}

/**
 * CBL054's message for `candidate` when `copy`, what is known of the paragraphs of the cable it cites, shows that cable
 * lacks the paragraph named (of a range's paragraphs between its ends, those it lacks, in one message); undefined when it has it, when nothing is known of the cable, or when the paragraph may be in
 * a part the copy lacks (before its first paragraph, or after the last of a copy not ended by a signature or trailer).
 */
export function citedParagraphMessage(candidate: CitedParagraphCandidate, copy: ParagraphCopy | undefined): string | undefined {
  if (!copy || copy.numbers.length === 0) return undefined;
  let low = Infinity;
  let high = -Infinity;
  for (const n of copy.numbers) {
    low = Math.min(low, n);
    high = Math.max(high, n);
  }
  const has = new Set(copy.numbers);
  // Before its first paragraph, or after the last of a copy that may be cut short: the paragraph may be in what is missing.
  const lacks = (n: number) => !has.has(n) && n >= low && (n <= high || copy.ended);
  const name = candidate.letter === undefined ? 'The REF item' : `REF ${candidate.letter}`;
  const numbered = `its paragraphs are numbered ${low} to ${high}.`;
  if (candidate.through === undefined) return lacks(candidate.number) ? `${name} cites ${candidate.id}, which has no paragraph ${candidate.number}: ${numbered}` : undefined;
  // A range's paragraphs between its ends: at most MAX_RANGE_SPAN - 1 numbers, each looked up once.
  const missing: number[] = [];
  for (let n = candidate.number; n <= candidate.through; n++) if (lacks(n)) missing.push(n);
  if (missing.length === 0) return undefined;
  const listed = missing.length === 1 ? `paragraph ${missing[0]}` : `paragraphs ${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
  return `${name} cites ${candidate.id}, which has no ${listed}, named by the range ${candidate.number - 1}-${candidate.through + 1}: ${numbered}`;
}

export const rule: Rule = {
  id: 'CBL054',
  name: 'cited-paragraph-missing',
  description: 'A paragraph of a cited cable named in the text ("REF A para 9", "para 5 of ref A", "reftel para 2") that the cited cable lacks; checked only where the cited cable is in the workspace, or among the files of the same cablelint run.',
  tags: ['paragraphs', 'metadata'],
  defaultSeverity: 'info',
  fixable: false,
  docs: {
    bad: '(file 09VALLETTA412.txt)\nREF: A. VALLETTA 388\n…\n¶2. (C) As REF A para 9 reported, the patrols met three vessels.\n(file 09VALLETTA388.txt, in the workspace)\nC O N F I D E N T I A L VALLETTA 000388\n…\n¶1. (C) …\n…\n¶7. (C) …\nCALLOWAY',
    good: '(file 09VALLETTA412.txt)\nREF: A. VALLETTA 388\n…\n¶2. (C) As REF A para 7 reported, the patrols met three vessels.\n(file 09VALLETTA388.txt, in the workspace)\nC O N F I D E N T I A L VALLETTA 000388\n…\n¶1. (C) …\n…\n¶7. (C) …\nCALLOWAY',
    rationale:
      'A pointer into another cable is checked only where that cable can be read: the editor checks it against the cable of the workspace index that the REF item cites (its id as links and Go to Definition read it, `09VALLETTA388` for `VALLETTA 388` in a cable of 2009), again when that cable is opened, saved, closed, changed on disk or deleted (under `cable.validate.scope: "workspace"`, a closed file citing it is read again after a pass over the files, which may read it before the cable it cites); with no such cable in the workspace nothing is said. `cablelint` checks it against the cited cable when that cable is among the files of the same run (of several files holding it, the one named after it, else the first): each file, linted alone, keeps its id, its paragraph numbers and the paragraphs it names of cited cables, and the mentions are checked once every file is read, so that with `--cache` a change to the cited cable shows in the files citing it though they are not linted again; a cited cable not among the files, or `--stdin`, which reads no other file, gives nothing. The paragraph is read as Go to Definition reads it ("REF A para 3", "REF A, paras 3 and 4", "reftel para 2", "para 5 of ref A", on one line or running onto the next: "REF A para" ⏎ "5", "para 5 of" ⏎ "ref A", "para 5" ⏎ "of ref A"); a range that rises by 2 to 100 ("REF A paras 3-7", "paras 3 through 7", "paras 3 to 7") names the paragraphs between its ends too, as Find References reads it, and those the cited cable lacks are reported once, at the range ("3-7", which has no paragraphs 4 and 6); its ends are reported as any paragraph named. It is reported as CBL045 reports the cable\'s own: only in a cited copy with numbered paragraphs that holds every section of its message, never below its first paragraph, and above its last only when its text ends with a signature or trailer.',
    source: 'Corpus analysis (203 cables): no text names a paragraph of a cited cable in these forms (31 in-text references name the cable\'s own paragraphs, which CBL045 checks), and 4 of the 268 REF items cite a cable the corpus holds, so no real cable is reported; the rule is measured on planted mentions (test/unit/recall.test.ts). Info, as CBL045: the references are read from prose, and the workspace may hold another copy of the cited cable than the one its writer read.',
  },
  check(cable, report, context) {
    const lookup = context.citedParagraphs;
    if (!lookup) return;
    const citing = citingId(cable, context.fileName);
    if (!citesKnownCable(cable, citing, lookup)) return;
    for (const candidate of citedParagraphCandidates(cable, citing)) {
      const message = citedParagraphMessage(candidate, lookup(candidate.id));
      if (message !== undefined) report({ message, range: candidate.range });
    }
  },
};
