/**
 * CBL030 portion-marking-above-banner: A portion marking, of a paragraph, of the subject, of an item or line inside the text or of a heading, is above the banner level (spillage).
 */
import { levelRank } from '../levels';
import type { PortionMarking } from '../model';
import type { Rule } from './types';
import { describeHeading, describeItem, markingAtLevelFix, subjectMarking } from './util';

export const rule: Rule = {
  id: 'CBL030',
  name: 'portion-marking-above-banner',
  description: "A portion marking, of a paragraph, of the subject, of an item or line inside the text or of a heading, is above the banner level (spillage).",
  tags: ["markings"],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    bad: "C O N F I D E N T I A L QUITO 000288\n…\n¶4. (S/NF) …",
    good: "S E C R E T QUITO 000288\n…\n¶4. (S/NF) …",
    rationale: "A portion classified higher than the whole cable means the cable is under-classified: a spill. The marking that opens an item or a line inside the text (`¶B. (S/NF) USG Concern: …`, `-- (S) …`, `(S/NF) Response: …`) or a sub-title (`(C) Status of …`), or that ends a heading's title (`BACKGROUND (S)`, `Harbor Talks (S/NF)`, but not a letter that labels an item, `ANNEX (C)`), marks a portion too, and is checked as a paragraph's is, and so is the subject's (`SUBJECT: (S) …`, and `Subject: (s) …` in a copy in small letters, where a subject's one small letter is its marking, not a list's label; or one ending the subject, `… of proliferation concern (s)`, as 09STATE4134 writes it, but not a letter that labels an item, `ANNEX (C)`, `OPTION (S)`, nor a plural's `(s)` on a subject's line with capitals, `Harbor Commissioner (s)`). Which is wrong, the banner or the marking, is for you to decide: the quick fix lowers the marking to the banner level, keeping its controls (`(S/NF)` becomes `(C/NF)`), only when you choose it, never in Fix All or `cablelint --fix`; raising the banner instead is an edit of its own, with the security group, the repeated banners and the page lines that go with it.",
    source: "Corpus analysis of the released cables: 1,227 of 1,229 (FORMAT.md §7 rule 13); 2 of 1,250, both real inconsistencies (CORPUS-FINDINGS, 'Safe as errors').",
  },
  check(cable, report) {
    const banner = cable.banner;
    if (!banner) return;
    // The marking written at the banner's level, for the user to choose: it lowers a classification.
    const lower = (portion: PortionMarking) => {
      const fix = markingAtLevelFix(portion, banner.level, (marking) => `Lower the marking to the banner level: '${marking}'`);
      return fix ? [fix] : undefined;
    };
    // The level ranked once: most paragraphs are marked at the banner level or below.
    const ceiling = levelRank(banner.level);
    /** Reports `portion` when it is marked above the banner, as `what()` names it ("Paragraph 3", "The subject"). */
    const spills = (portion: PortionMarking, what: () => string) => {
      const level = portion.level;
      if (level && level !== banner.level && levelRank(level) > ceiling) {
        report({
          message: `${what()} is marked ${level} above the banner level ${banner.level}.`,
          range: portion.token.range,
          fixes: lower(portion),
          related: [{ range: banner.levelText.range, message: 'Banner level' }],
        });
      }
    };
    const paragraphs = cable.paragraphs;
    for (let i = 0; i < paragraphs.length; i++) {
      const portion = paragraphs[i].portion;
      if (portion) spills(portion, () => `Paragraph ${paragraphs[i].readAs}`);
    }
    // "SUBJECT: (S) …" under a CONFIDENTIAL banner: the subject line is a portion, and spills as a paragraph does.
    const subject = subjectMarking(cable);
    if (subject) spills(subject, () => 'The subject');
    // "¶B. (S) …", "-- (S) …", "(S) Response: …": an item's or a line's marking inside the text spills as a paragraph's does.
    const items = cable.itemMarkings;
    for (let i = 0; i < items.length; i++) spills(items[i].portion, () => describeItem(cable, items[i]));
    // "BACKGROUND (S)" under a CONFIDENTIAL banner: the marking that ends a heading's title marks the title as a portion,
    // as one that opens it does ("(S) Key Elements …", an item marking above).
    const headings = cable.headings;
    for (let i = 0; i < headings.length; i++) {
      const marking = headings[i].marking;
      if (marking) spills(marking, () => describeHeading(headings[i]));
    }
  },
};
