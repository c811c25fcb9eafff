/**
 * CBL045 reference-unresolved: An in-text reference to a REF letter the REF field lacks, or to a paragraph number the cable lacks.
 */
import { findResolvableReferences, resolveInText } from '../mentions';
import type { Cable } from '../model';
import type { Rule } from './types';
import { sectionsMissing } from './util';

/** What the REF field holds, for the message: "A and B", "one item without a letter". */
function refSummary(cable: Cable): string {
  const items = cable.refs?.items ?? [];
  const letters = items.flatMap((i) => (i.letter === undefined ? [] : [i.letter]));
  if (letters.length === 0) return items.length === 1 ? 'one item without a letter' : `${items.length} items without letters`;
  return letters.length === 1 ? `item ${letters[0]} only` : `items ${letters.slice(0, -1).join(', ')} and ${letters[letters.length - 1]}`;
}

export const rule: Rule = {
  id: 'CBL045',
  name: 'reference-unresolved',
  description: 'An in-text reference to a REF letter the REF field lacks ("ref C" under REF items A and B), or to a paragraph number the cable lacks ("see para 9" in a cable of 7 paragraphs).',
  tags: ['paragraphs', 'metadata'],
  defaultSeverity: 'info',
  fixable: false,
  docs: {
    bad: 'REF: A. VALLETTA 388\n¶B. STATE 51120\n…\n¶3. (C) Gauci also raised the training offer described in REF C.',
    good: 'REF: A. VALLETTA 388\n¶B. STATE 51120\n…\n¶3. (C) Gauci also raised the training offer described in REF B.',
    rationale:
      'A reference that points nowhere is a REF item dropped in editing, or paragraphs renumbered without the references to them; Go to Definition has nowhere to go. A paragraph of another document ("para 5 of ref A", "REF A para 3", "reftel para 2", "paragraph 6 of UNSCR 1540", "REF A," ending one line with "para 3" starting the next, and "para 5" or "para 5 of" ending one with "of ref A" or "ref A" starting the next) is not read as a mention, nor is a count, an article or a title that goes on from a list ("see para 3, 10 officials said", "REF B, A SENIOR OFFICIAL", "ref B, A/S Smith"); REF letters are checked only against a REF field, and "reftel" alone never (with several items it is ambiguous, not dangling); paragraph numbers are checked only in a cable with numbered paragraphs, never below the first, above the last only when the text ends with a signature or trailer (a copy cut short may hold the rest), and, in a message of several sections, only when the copy shows every section (from section 01, and to the last by its banner or by continuation-page lines).',
    source: 'Corpus analysis (203 cables): 288 in-text references (31 to paragraphs, 212 to REF letters, 45 "reftel" alone); 10 of them are broken over two lines ("(Ref" at the end of one line, "B)" at the start of the next), all resolving; none is a list broken after its "and" or comma ("refs A and" / "B"), which the reader also follows, and 1 is a list broken before its "and" ("(Ref A" / "and B)"). 4 resolve to nothing: 3 are "reftel" alone under several REF items (not reported; in one, "(Reftel" and "A)" have a blank line between them, which the reader does not cross), and 1 is reported, "Ref C" under a single REF item. Info, since the references are read from prose.',
  },
  check(cable, report) {
    const items = cable.refs?.items ?? [];
    const checkParagraphs = cable.paragraphs.length > 0 && !sectionsMissing(cable);
    let low = Infinity;
    let high = -Infinity;
    for (const p of cable.paragraphs) {
      low = Math.min(low, p.readAs);
      high = Math.max(high, p.readAs);
    }
    // A copy cut short (no signature or trailer after the text) may have lost the paragraphs after its last.
    const ended = cable.signature !== undefined || cable.trailer !== undefined;
    // Without a REF field only the references to paragraphs are checked, and only they are read (findResolvableReferences).
    if (items.length === 0 && !checkParagraphs) return;
    for (const ref of findResolvableReferences(cable)) {
      const t = ref.target;
      if (t.kind === 'paragraph') {
        // "see para 8" before a first paragraph 3 or after a last paragraph 5 of a copy that stops there: the paragraph may be in what is missing.
        if (!checkParagraphs || t.number < low || (t.number > high && !ended)) continue;
      } else if (items.length === 0 || (t.letter === undefined && items.length > 1)) {
        // With no REF field read there is nothing to compare with; "reftel" under several items is ambiguous, not dangling.
        continue;
      }
      if (resolveInText(cable, ref) !== undefined) continue;
      const message =
        t.kind === 'paragraph'
          ? `There is no paragraph ${t.number}: the paragraphs are numbered ${low} to ${high}.`
          : `There is no REF item ${t.letter}: the REF field has ${refSummary(cable)}.`;
      report({ message, range: ref.range });
    }
  },
};
