/**
 * CBL050 host-country-tag-missing: A cable from an embassy whose TAGS lack the host country's geographic TAG (FR on a cable from Embassy Paris).
 */
import { hostTagOf } from '../hosts';
import type { TagsField } from '../model';
import type { Fix, Rule } from './types';
import { isTagSeparator, tagSeparator } from './util';

export const rule: Rule = {
  id: 'CBL050',
  name: 'host-country-tag-missing',
  description: "A cable from an embassy whose TAGS lack the host country's geographic TAG (FR on a cable from Embassy Paris).",
  tags: ["banner", "metadata"],
  defaultSeverity: 'info',
  fixable: true,
  docs: {
    bad: "C O N F I D E N T I A L PARIS 000708\n…\nTAGS: PREL MOPS MARR NATO AF",
    good: "C O N F I D E N T I A L PARIS 000708\n…\nTAGS: PREL MOPS MARR NATO FR AF",
    rationale: "An embassy files its cables under its host country's geographic TAG (its FIPS 10-4 code; Embassy Belgrade uses SR), so an archive's index by country finds them; a cable without it is missed there. About one in twenty real cables leaves it out, most of them about another country or a multilateral meeting, so this is information, and adding the TAG waits for you to choose it. Only the embassies whose cables the reference checked are known, and only those where more than half the cables checked carry the TAG (83 posts; not Brussels, Sofia, Bridgetown or Chisinau, nor an embassy it did not check, such as Kuwait, La Paz or Mexico); the banner's post names the embassy, under either spelling the reference's routing-indicator table gives (KIEV or KYIV for Embassy Kyiv), so a consulate's or a mission's cable is not checked.",
    source: "FORMAT.md §7 rule 23, corpus analysis of the released cables: 998 of 1,043 cables from 87 embassies in capitals carry the host country's TAG [DATAJSON], [GEONAMES]; each post's count from tags-geographic.tsv (its host-country check); a post's other spelling from routing-indicators.tsv (the other AMEMBASSY addresses under its routing indicator).",
  },
  check(cable, report) {
    const field = cable.tags;
    if (!field || field.tags.length === 0) return;
    const host = hostTagOf(cable);
    if (!host) return;
    const tags = field.tags;
    for (let i = 0; i < tags.length; i++) if (tags[i].role === 'code' && tags[i].code === host.tag) return;
    report({
      message: `TAGS lack ${host.tag} (${host.country}), the host country's TAG, which ${host.carried} of ${host.of} released cables from Embassy ${host.embassy} carry.`,
      range: field.keyword.range,
      fixes: addition(cable.lines, field, host.tag),
    });
  },
};

/**
 * Adds the TAG after the field's last one, set off as the field sets off its TAGS, in small letters where that TAG is
 * ("tags: prel, pgov" gains ", fr"); before the first when names end the field (`OVIP CLINTON HILLARY`, where a code
 * after them would read as a name), or none when the last TAG's text goes on (`[MARR](#)`).
 */
function addition(lines: readonly string[], field: TagsField, code: string): Fix[] | undefined {
  const tags = field.tags;
  const last = tags.length - 1;
  const tag = tags[last];
  const written = tag.token.text === tag.token.text.toLowerCase() ? code.toLowerCase() : code;
  const title = `Add ${written} to TAGS`;
  if (tag.role === 'code') {
    const at = tag.token.range.end;
    const after = lines[at.line].charCodeAt(at.character);
    if (!Number.isNaN(after) && !isTagSeparator(after)) return undefined;
    return [{ title, edits: [{ range: { start: at, end: at }, newText: tagSeparator(lines, field, last) + written }], safe: false }];
  }
  const first = tags[0].token.range.start;
  return [{ title, edits: [{ range: { start: first, end: first }, newText: written + tagSeparator(lines, field, 0) }], safe: false }];
}
