/**
 * CBL007 security-group-mismatch: The ZNY/ZNR security group does not match the banner level (SSSSS for SECRET, CCCCC for CONFIDENTIAL, UUUUU with ZNR for UNCLAS, EEEEE with ZNY for UNCLAS EFTO).
 */
import { replaceFix } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL007',
  name: 'security-group-mismatch',
  description: "The ZNY/ZNR security group does not match the banner level (SSSSS for SECRET, CCCCC for CONFIDENTIAL, UUUUU with ZNR for UNCLAS, EEEEE with ZNY for UNCLAS EFTO).",
  tags: ["header", "banner"],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    bad: "ZNY CCCCC ZZH\n…\nS E C R E T VALLETTA 000412",
    good: "ZNY SSSSS ZZH\n…\nS E C R E T VALLETTA 000412",
    rationale: "The security warning tells relay stations how to handle the message; a group lower than the banner mishandles classified traffic.",
    source: "Corpus analysis of the released cables (FORMAT.md §7 rules 4 and 5): 1,099 of 1,101 and 1,120 of 1,120 headers; [TPUB5] for EEEEE with ZNY (unclassified EFTO), which no corpus header has.",
  },
  check(cable, report) {
    const sec = cable.header?.security;
    const banner = cable.banner;
    if (!sec) return;
    const group = sec.group;
    if (group && sec.groupLevel) {
      const isU = sec.groupLevel === 'UNCLASSIFIED' || sec.groupLevel === 'EFTO';
      if (sec.prosign.text === 'ZNR' && !isU) {
        report({ message: `ZNR is used only with UUUUU; group ${group.text} needs ZNY.`, range: sec.prosign.range, fixes: [replaceFix('Change ZNR to ZNY', sec.prosign.range, 'ZNY', false)] });
      } else if (sec.prosign.text === 'ZNY' && sec.groupLevel === 'UNCLASSIFIED') {
        report({ message: 'ZNY is used with a classified or EFTO group; UUUUU goes with ZNR.', range: sec.prosign.range, fixes: [replaceFix('Change ZNY to ZNR', sec.prosign.range, 'ZNR', false)] });
      }
    }
    if (!banner || !group || !sec.groupLevel) return;
    // An unclassified banner with EFTO (`UNCLAS EFTO NOWHERE 000123`) goes with EEEEE, one without it with UUUUU.
    const efto = banner.level === 'UNCLASSIFIED' && banner.efto !== undefined;
    const wanted = efto ? 'EFTO' : banner.level;
    if (sec.groupLevel !== wanted) {
      const letter = efto ? 'E' : banner.level === 'TOP SECRET' ? 'T' : banner.level[0];
      const fixed = letter.repeat(group.text.length);
      // The warning goes with the group: UUUUU with ZNR, a classified or EFTO group with ZNY.
      const prosign = wanted === 'UNCLASSIFIED' ? 'ZNR' : 'ZNY';
      const fix = replaceFix(`Set security group to ${fixed}`, group.range, fixed, false);
      const fixes = sec.prosign.text === prosign ? [fix] : [{ ...fix, title: `Set security line to ${prosign} ${fixed}`, edits: [{ range: sec.prosign.range, newText: prosign }, ...fix.edits] }];
      const unclassified = banner.level === 'UNCLASSIFIED' && (sec.groupLevel === 'UNCLASSIFIED' || sec.groupLevel === 'EFTO');
      report({
        message: unclassified
          ? efto
            ? `Security group ${group.text} (${sec.groupLevel}) does not match the banner's EFTO, which goes with ZNY EEEEE.`
            : `Security group ${group.text} (EFTO) does not match the banner, which has no EFTO: an unclassified cable without it goes with ZNR UUUUU.`
          : `Security group ${group.text} (${sec.groupLevel}) does not match the banner level ${banner.level}.`,
        range: group.range,
        related: [{ range: banner.levelText.range, message: 'Banner level' }],
        // Changing the group changes how the message is handled: the user must choose it.
        fixes,
      });
    }
  },
};
