/**
 * CBL025 paragraph-number-duplicate: The same paragraph number twice in a row.
 */
import type { Fix, Rule, TextEdit } from './types';
import { hasReferences, renumberingWithReferences } from './util';

export const rule: Rule = {
  id: 'CBL025',
  name: 'paragraph-number-duplicate',
  description: "The same paragraph number twice in a row.",
  tags: ["paragraphs"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "¶3. (C) …\n¶3. (C) …\n¶4. (C) …",
    good: "¶3. (C) …\n¶4. (C) …\n¶5. (C) …",
    rationale: "Two paragraphs with one number cannot both be cited. The quick fix renumbers the repeated paragraph and the paragraphs that follow it in sequence, as when a paragraph is written in above others, so that no number repeats after it. A second fix also writes the new numbers into the references to the paragraphs it renumbers (\"para 4\" becomes \"para 5\" with ¶4); a reference to the repeated number stays with the first paragraph that has it, where Go to Definition sends it. Since the text cannot say which of the two the writer meant, a third fix, offered when the text refers to the repeated number, takes the first paragraph as the one written in, as completion numbers a paragraph written between two: its references go with the paragraph renumbered (after `¶3.` written above the old ¶3, \"paras 3 and 4\" becomes \"paras 4 and 5\").",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS, 'Warnings'): duplicates in 23 of 1,295 (1.8%).",
  },
  check(cable, report) {
    const paragraphs = cable.paragraphs;
    for (let i = 1; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      if (p.readAs === paragraphs[i - 1].readAs) {
        // "¶3." written above the old ¶3 ("¶2, ¶3, ¶3, ¶4"): renumbered alone as 4 it repeats the next one,
        // so the paragraphs that follow it in sequence move up one with it.
        const edits: TextEdit[] = [{ range: p.numberToken.range, newText: String(p.readAs + 1) }];
        const renumbered = new Map([[i, p.readAs + 1]]);
        for (let j = i + 1; j < paragraphs.length && paragraphs[j].readAs === paragraphs[j - 1].readAs + 1; j++) {
          edits.push({ range: paragraphs[j].numberToken.range, newText: String(paragraphs[j].readAs + 1) });
          renumbered.set(j, paragraphs[j].readAs + 1);
        }
        // "and the next paragraph as 6", not "and the next 1 paragraph up to 6".
        const title =
          edits.length === 1 ? `Renumber as ${p.readAs + 1}`
          : edits.length === 2 ? `Renumber as ${p.readAs + 1}, and the next paragraph as ${p.readAs + 2}`
          : `Renumber as ${p.readAs + 1}, and the next ${edits.length - 1} paragraphs up to ${p.readAs + edits.length}`;
        const fix: Fix = { title, edits, safe: false };
        // References to the repeated number stay with the first paragraph that has it, where they point now.
        const withReferences = renumberingWithReferences(cable, fix, renumbered);
        const fixes = withReferences ? [fix, withReferences] : [fix];
        // "¶3." written above the old ¶3, as completion numbers a paragraph written in between two: the "para 3" written
        // before it meant the old ¶3, which the fix makes ¶4. Which one the writer wrote in, the text cannot say, so
        // this reading is a fix of its own, offered when a reference points at the first of the two.
        if (hasReferences(cable, i - 1)) {
          const carried = { from: i - 1, with: i, title: `, taking the first paragraph ${p.readAs} as the new one` };
          const carrying = renumberingWithReferences(cable, fix, renumbered, carried);
          if (carrying) fixes.push(carrying);
        }
        report({ message: `Paragraph number ${p.readAs} repeats the one before it.`, range: p.marker.range, fixes });
      }
    }
  },
};
