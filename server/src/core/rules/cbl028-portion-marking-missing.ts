/**
 * CBL028 portion-marking-missing: A numbered paragraph of a classified cable has no portion marking (info on UNCLAS cables).
 */
import { LEVELS, levelAbbreviation, levelRank } from '../levels';
import { isClassified } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL028',
  name: 'portion-marking-missing',
  description: "A numbered paragraph of a classified cable has no portion marking (info on UNCLAS cables).",
  tags: ["markings"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "¶3. Gauci also raised the training offer …",
    good: "¶3. (C) Gauci also raised the training offer …",
    rationale: "The handbook asks for a classification marking after every paragraph number, so that each portion can be handled on its own.",
    source: "FORMAT.md §6 ([FAH1-246]); CORPUS-FINDINGS B: some paragraphs unmarked in 5.4% of C/S cables; UNCLAS cables often unmarked (17.5%).",
  },
  check(cable, report) {
    const banner = cable.banner;
    if (!banner) return;
    const classified = isClassified(cable);
    for (const p of cable.paragraphs) {
      if (p.portion) continue;
      const at = p.marker.range.end;
      const line = cable.lines[at.line];
      const spacer = line[at.character] === ' ' ? '' : ' ';
      const trailing = line[at.character] === ' ' ? ' ' : '';
      // One fix per level, the banner level first; never applied by Fix All.
      const levels = [banner.level, ...LEVELS.filter((l) => l !== banner.level && levelRank(l) <= levelRank(banner.level)).reverse()];
      const fixes = levels.map((level, i) => ({
        title: `Mark paragraph ${p.readAs} (${levelAbbreviation(level)})`,
        edits: [{ range: { start: at, end: at }, newText: `${spacer}(${levelAbbreviation(level)})${trailing === ' ' ? '' : ''}` }],
        safe: false,
        preferred: i === 0,
      }));
      report({ message: `Paragraph ${p.readAs} has no portion marking.`, range: p.marker.range, fixes, severity: classified ? undefined : 'info' });
    }
  },
};
