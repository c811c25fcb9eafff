/**
 * CBL026 pilcrow-artifact: A paragraph number that reads 10 more than expected in an irregular form ('¶ 13.' or '13.' where '¶3.' is expected): a transcription artifact.
 */
import type { Paragraph } from '../model';
import type { Rule } from './types';
import { keepsBanner } from './util';

export const rule: Rule = {
  id: 'CBL026',
  name: 'pilcrow-artifact',
  description: "A paragraph number that reads 10 more than expected in an irregular form ('¶ 13.' or '13.' where '¶3.' is expected): a transcription artifact.",
  tags: ["paragraphs"],
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "¶2. (S/NF) …\n¶ 13. (C/NF) …",
    good: "¶2. (S/NF) …\n¶3. (C/NF) …",
    rationale: "Some copies turned the pilcrow into a 1; the paragraph is really the expected one, and citations of it must use that number. Fix All rewrites it unless the number rewritten would change which line is the banner (a level alone on its line, `SECRET`, is the banner only above the metadata or the first paragraph, and `1.` with no marking after it opens no paragraph there): then the fix waits for you.",
    source: "FORMAT.md §6 (pilcrow artifacts); corpus analysis of the released cables (CORPUS-FINDINGS, 'Warnings'): 0 cables, but 2 of the 3 seed cables (PARIS 000708 and PARIS 000305, from other sources, outside those counts).",
  },
  check(cable, report) {
    const paragraphs = cable.paragraphs;
    // How the cable writes its numbers, decided at the first artifact: most cables have none.
    let pilcrow: boolean | undefined;
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      if (p.readAs === p.number) continue;
      pilcrow ??= prefersPilcrow(paragraphs);
      const written = p.marker.text;
      const fixed = (pilcrow ? '¶' : '') + p.readAs + '.';
      report({
        message: `Paragraph number '${written}' reads as ${p.number} but ¶${p.readAs} is expected here: a transcription artifact of '¶${p.readAs}.'.`,
        range: p.marker.range,
        // The number meant is certain, so the repair is safe, where it leaves the banner as it is: "¶ 11." ends the search
        // for a banner that "1." alone does not, which takes the banner from a level alone on its line ("SECRET") above it.
        fixes: [{ title: `Write '${fixed}'`, edits: [{ range: p.marker.range, newText: fixed }], safe: keepsBanner(cable, p.marker.range, fixed), preferred: true }],
      });
    }
  },
};


/** True when the paragraphs read as written say "¶3." at least as often as "3.". */
function prefersPilcrow(paragraphs: readonly Paragraph[]): boolean {
  let pilcrow = 0;
  let bare = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.readAs !== p.number) continue;
    if (p.style === 'pilcrow') pilcrow++;
    else if (p.style === 'bare') bare++;
  }
  return pilcrow >= bare;
}
