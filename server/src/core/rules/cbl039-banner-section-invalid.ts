/**
 * CBL039 banner-section-invalid: A banner says SECTION n OF m with n greater than m, a first banner says a section other than 01, or a later section's banner disagrees with the first banner's level or total.
 */
import type { Banner } from '../model';
import type { Report, Rule } from './types';

export const rule: Rule = {
  id: 'CBL039',
  name: 'banner-section-invalid',
  description: "A banner says SECTION n OF m with n greater than m, a first banner says a section other than 01, or a later section's banner gives another level or another total than the first banner's.",
  tags: ["banner"],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    bad: "S E C R E T SECTION 03 OF 02 VALLETTA 000412",
    good: "S E C R E T SECTION 01 OF 02 VALLETTA 000412",
    rationale: "A cable file starts with its first section; a section number above the total is impossible. A cable whose sections are sent or kept together repeats the banner over each section (`C O N F I D E N T I A L SECTION 02 OF 03 HARARE 006677`, 00HARARE6677): every section of one cable (the same post and serial) carries the cable's level and the same total, so a section banner that says `CONFIDENTIAL` under a first banner that says `SECRET`, or `OF 03` under `OF 02`, is wrong in one of the two. Which one is for you to decide, so no fix is offered: changing either level raises or lowers a classification, and the security group, the page lines and the portion markings go with it.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS, 'Safe as errors'): 0 of 814 banners with SECTION. Banners repeated in the text: 5 cables of the release, each with the first banner's post and serial (CORPUS-FINDINGS §2); none of the project's 203 corpus cables repeats its banner, so no count of the release backs the level and total check beyond those 5 files; it rests on the level holding for the whole cable, as the security group's does (FORMAT §7 rule 4, 1,099 of 1,101) and the page lines' total (rule 10, 620 of 621).",
  },
  check(cable, report) {
    const banners = cable.banners;
    const first = cable.banner;
    for (let i = 0; i < banners.length; i++) {
      const banner = banners[i];
      if (banner.repeated && first && banner !== first && sameCable(first, banner)) checkRepeated(first, banner, report);
      const s = banner.section;
      if (!s) continue;
      if (s.number.value > s.total.value) {
        report({ message: `SECTION ${s.number.text} OF ${s.total.text}: the section is above the total.`, range: s.token.range });
      } else if (!banner.repeated && s.number.value !== 1) {
        report({ message: `The first banner says SECTION ${s.number.text}; a cable starts with section 01.`, range: s.number.range });
      }
    }
  },
};

/**
 * True when a later banner heads another section of the first banner's cable: the same post and serial, read
 * (`SECTION 02 OF 03 HARARE 006677` under `SECTION 01 OF 03 HARARE 006677`). A second cable in the same file, or a
 * banner still being typed, is none.
 */
function sameCable(first: Banner, later: Banner): boolean {
  if (later.typing || first.typing || !first.post || !later.post || !first.serial || !later.serial) return false;
  return first.serial.value === later.serial.value && first.post.text.toUpperCase() === later.post.text.toUpperCase();
}

/** Reports a later banner of the same cable whose level, or section total, is not the first banner's. */
function checkRepeated(first: Banner, later: Banner, report: Report): void {
  const related = [{ range: first.range, message: 'First banner' }];
  const section = later.section ? `The SECTION ${later.section.number.text} banner` : `The banner on line ${later.line + 1}`;
  if (later.level !== first.level) {
    report({
      message: `${section} says ${later.level}, but the first banner says ${first.level}: every section of a cable carries the cable's level; correct the one that is wrong.`,
      range: later.levelText.range,
      related,
    });
  }
  const total = first.section?.total;
  const own = later.section?.total;
  if (total && own && own.value !== total.value) {
    report({ message: `${section} says OF ${own.text}, but the first banner says OF ${total.text}: every section of a cable gives the same total.`, range: own.range, related });
  }
}
