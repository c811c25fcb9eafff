/**
 * CBL031 banner-above-portions: The banner is higher than every portion marking (possible over-classification).
 */
import { levelRank } from '../levels';
import type { Cable, Level } from '../model';
import type { Rule } from './types';
import { blankedLineBetween, subjectMarking } from './util';

export const rule: Rule = {
  id: 'CBL031',
  name: 'banner-above-portions',
  description: "The banner is higher than every portion marking (possible over-classification).",
  tags: ["markings"],
  defaultSeverity: 'info',
  fixable: false,
  docs: {
    bad: "S E C R E T QUITO 000288\n…\n¶1. (C) …\n¶2. (U) …",
    good: "C O N F I D E N T I A L QUITO 000288\n…\n¶1. (C) …\n¶2. (U) …",
    rationale: "The banner should equal the highest portion; a higher banner may over-classify the cable. The markings that open items and lines inside the text (`¶B. (S) …`, `-- (S) …`, `(S) Response: …`) and sub-titles, and those that end a heading's title (`BACKGROUND (S)`), count among the portions, and so does the subject's marking (`SUBJECT: (S) …`): a banner no higher than one of them is not over-classified. A copy whose release blanked whole paragraphs (a line of redactions alone, `XXXXXXXXXXXX` or `xxxxxxxxxxxx`, or after a paragraph's number, `¶3. XXXXXXXXXXXX`) is not checked: the markings blanked with them may be the highest. A blanked line that is part of a sentence or a title, as CBL024 reads it, blanked words and no marking: one that ends a sentence the line above leaves open, with a word in small letters or a comma (`transliterations of` ⏎ `xxxxx.`), or one over a rule line (`XXXXXXXXXXXX` ⏎ `-----------`, a section's title); a copy whose only blanked lines are such is checked.",
    source: "Corpus analysis of the released cables: 1,214 of 1,229 (FORMAT.md §7 rule 12); 13 of 1,250, 1.0% (CORPUS-FINDINGS, 'Info only').",
  },
  check(cable, report) {
    const banner = cable.banner;
    const paragraphs = cable.paragraphs;
    if (!banner || paragraphs.length === 0) return;
    // Only a cable whose every paragraph has a level ("(C)", "(U)") says what its highest portion is.
    let highest: Level | undefined;
    for (let i = 0; i < paragraphs.length; i++) {
      const level = paragraphs[i].portion?.level;
      if (level === undefined) return;
      // Most paragraphs repeat the level before them ("(C)", "(C)"): only a new one is ranked.
      if (highest === undefined || (level !== highest && levelRank(highest) < levelRank(level))) highest = level;
    }
    if (highest === undefined) return;
    let top: Level = highest;
    /** Takes `level` as the highest portion's when it ranks above it. */
    const raise = (level: Level | undefined) => {
      if (level !== undefined && level !== top && levelRank(top) < levelRank(level)) top = level;
    };
    // "¶B. (S) …", "-- (S) …", "(S) Response: …": an item's or a line's marking inside the text is a portion's level too.
    const items = cable.itemMarkings;
    for (let i = 0; i < items.length; i++) raise(items[i].portion.level);
    // "BACKGROUND (S)": the marking that ends a heading's title is a portion's level too.
    const headings = cable.headings;
    for (let i = 0; i < headings.length; i++) raise(headings[i].marking?.level);
    // "SUBJECT: (S) …": the subject's marking is a portion's level too, so a SECRET banner over it is not over-classified.
    raise(subjectMarking(cable)?.level);
    if (levelRank(top) < levelRank(banner.level) && !paragraphsBlanked(cable)) {
      report({ message: `Banner is ${banner.level} but no portion is marked above ${top}.`, range: banner.levelText.range });
    }
  },
};

/**
 * True when the release blanked whole paragraphs of the text, or the rest of one ("XXXXXXXXXXXX" alone on a line,
 * "¶3. xxxxxxxxxxxx": {@link blankedLineBetween}, which leaves out a blanked line that is part of a sentence or a title, as
 * CBL024 does): their markings may be gone with them, so the paragraphs left do not say what the highest portion was.
 */
function paragraphsBlanked(cable: Cable): boolean {
  return blankedLineBetween(cable, cable.bodyStartLine, cable.lines.length);
}
