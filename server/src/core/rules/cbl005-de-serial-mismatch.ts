/**
 * CBL005 de-serial-mismatch: The DE-line station serial #SSSS differs from the banner serial (modulo 10000).
 */
import { headerSerialDiffers } from '../parse/header';
import { pad, replaceFix } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL005',
  name: 'de-serial-mismatch',
  description: "The DE-line station serial #SSSS differs from the banner serial (modulo 10000).",
  tags: ["header", "banner"],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    bad: "DE RUEHVT #0413/01 1541322\n…\nS E C R E T VALLETTA 000412",
    good: "DE RUEHVT #0412/01 1541322\n…\nS E C R E T VALLETTA 000412",
    rationale: "The serial in the DE line and the banner serial are the same number; a mismatch means the header and the body belong to different cables.",
    source: "Corpus analysis of the released cables (FORMAT.md §7 rule 1): held in 1,098 of 1,101 cables; the 3 failures are release mix-ups. Safe as an error (CORPUS-FINDINGS).",
  },
  check(cable, report) {
    const de = cable.header?.de?.serial;
    const serial = cable.banner?.serial;
    if (!de || !serial) return;
    if (headerSerialDiffers(cable.header, cable.banner)) {
      const fixed = pad(serial.value % 10000, de.text.length);
      report({
        // Which side is wrong is not said: 07PARIS2725's DE line is its file's, and its text is MOSCOW 005154's.
        message: `DE serial #${de.text} does not match banner serial ${serial.text}, which the DE line writes #${fixed}: the header and the text may belong to different cables.`,
        range: de.range,
        related: [{ range: serial.range, message: 'Banner serial' }],
        // Which side is right is not known: the header may belong to another cable.
        fixes: [replaceFix(`Set DE serial to #${fixed}`, de.range, fixed, false)],
      });
    }
  },
};
