/**
 * CBL009 section-mismatch: The DE-line section /nn differs from the banner SECTION nn, or is not /01 when the banner has no SECTION.
 */
import { pad, replaceFix } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL009',
  name: 'section-mismatch',
  description: "The DE-line section /nn differs from the banner SECTION nn, or is not /01 when the banner has no SECTION.",
  tags: ["header", "banner"],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    bad: "DE RUEHVT #0412/02 1541322\n…\nS E C R E T SECTION 01 OF 02 VALLETTA 000412",
    good: "DE RUEHVT #0412/01 1541322\n…\nS E C R E T SECTION 01 OF 02 VALLETTA 000412",
    rationale: "Each section of a multi-section telegram has its own header; the DE suffix names the section the banner shows.",
    source: "Corpus analysis of the released cables (FORMAT.md §7 rule 8): 725 of 725 cables.",
  },
  check(cable, report) {
    const section = cable.header?.de?.section;
    const banner = cable.banner?.section;
    if (!section) return;
    const expected = banner ? banner.number.value : 1;
    if (section.value !== expected) {
      const fixed = pad(expected, section.text.length);
      report({
        message: banner
          ? `DE section /${section.text} does not match banner SECTION ${banner.number.text}.`
          : `DE section /${section.text} on a single-section cable (expected /01 or none).`,
        range: section.range,
        fixes: [replaceFix(`Set DE section to /${fixed}`, section.range, fixed, false)],
      });
    }
  },
};
