/**
 * CBL030 portion-marking-above-banner: A portion marking is above the banner level (spillage).
 */
import { levelRank } from '../levels';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL030',
  name: 'portion-marking-above-banner',
  description: "A portion marking is above the banner level (spillage).",
  tags: ["markings"],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    bad: "C O N F I D E N T I A L QUITO 000288\n…\n¶4. (S/NF) …",
    good: "S E C R E T QUITO 000288\n…\n¶4. (S/NF) …",
    rationale: "A portion classified higher than the whole cable means the cable is under-classified: a spill.",
    source: "Corpus analysis of the released cables: 1,227 of 1,229 (FORMAT.md §7 rule 13); 2 of 1,250, both real inconsistencies (CORPUS-FINDINGS, 'Safe as errors').",
  },
  check(cable, report) {
    const banner = cable.banner;
    if (!banner) return;
    const paragraphs = cable.paragraphs;
    // The level ranked once: most paragraphs are marked at the banner level or below.
    const ceiling = levelRank(banner.level);
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      const level = p.portion?.level;
      if (level && level !== banner.level && levelRank(level) > ceiling) {
        report({
          message: `Paragraph ${p.readAs} is marked ${level} above the banner level ${banner.level}.`,
          range: p.portion!.token.range,
          related: [{ range: banner.levelText.range, message: 'Banner level' }],
        });
      }
    }
  },
};
