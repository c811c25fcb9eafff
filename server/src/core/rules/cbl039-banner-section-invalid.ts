/**
 * CBL039 banner-section-invalid: A banner says SECTION n OF m with n greater than m, or a first banner says a section other than 01.
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL039',
  name: 'banner-section-invalid',
  description: "A banner says SECTION n OF m with n greater than m, or a first banner says a section other than 01.",
  tags: ["banner"],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    bad: "S E C R E T SECTION 03 OF 02 VALLETTA 000412",
    good: "S E C R E T SECTION 01 OF 02 VALLETTA 000412",
    rationale: "A cable file starts with its first section; a section number above the total is impossible.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS, 'Safe as errors'): 0 of 814 banners with SECTION.",
  },
  check(cable, report) {
    const banners = cable.banners;
    for (let i = 0; i < banners.length; i++) {
      const banner = banners[i];
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
