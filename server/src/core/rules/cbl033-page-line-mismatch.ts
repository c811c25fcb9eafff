/**
 * CBL033 page-line-mismatch: A continuation-page line whose serial or page total differs from the banner.
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL033',
  name: 'page-line-mismatch',
  description: "A continuation-page line whose serial or page total differs from the banner.",
  tags: ["pages"],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    bad: "S E C R E T SECTION 01 OF 02 VALLETTA 000412\n…\nVALLETTA 00000413 002 OF 002",
    good: "S E C R E T SECTION 01 OF 02 VALLETTA 000412\n…\nVALLETTA 00000412 002 OF 002",
    rationale: "Page lines repeat the message serial and the section count; a mismatch means pages of different cables were joined. A page line whose numbers a scan damaged (`VALLETTA 0000O413 002 OF 002`, `0000#412`, `OO2`) is checked too, for the numbers the damage left readable: a letter O is read as 0 and an l or I as 1 (`0000O413` is 413), and a number with any other character (`0000#412`) is not checked.",
    source: "Corpus analysis of the released cables: 621 of 621 and 620 of 621 (FORMAT.md §7 rules 9–10); 0 of 697 serial mismatches, 1 total mismatch (CORPUS-FINDINGS, 'Safe as errors').",
  },
  check(cable, report) {
    const banner = cable.banner;
    if (!banner) return;
    const pages = cable.pageLines;
    for (let i = 0; i < pages.length; i++) {
      // "VALLETTA 0000O413 002 OF 002": a damaged page line's numbers are checked where the damage left them readable.
      const { serial, total } = pages[i];
      if (banner.serial && serial && serial.value !== banner.serial.value) {
        report({ message: `Page line serial ${serial.text} does not match banner serial ${banner.serial.text}.`, range: serial.range, related: [{ range: banner.serial.range, message: 'Banner serial' }] });
      }
      if (banner.section && total && total.value !== banner.section.total.value) {
        // The banner's own words, "SECTION 01 OF 02", where the message said "SECTION … OF 02".
        report({
          message: `Page line total OF ${total.text} does not match the banner's ${banner.section.token.text}.`,
          range: total.range,
          related: [{ range: banner.section.token.range, message: 'Banner section' }],
        });
      }
    }
  },
};
