/**
 * CBL050 host-country-tag-missing: A cable from an embassy whose TAGS lack the host country's geographic TAG (FR on a cable from Embassy Paris).
 */
import { hostTagOf } from '../hosts';
import type { TagsField } from '../model';
import { UNESTABLISHED_GEOGRAPHIC } from '../tagCodes';
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
    rationale: "An embassy files its cables under its host country's geographic TAG (its FIPS 10-4 code; Embassy Belgrade uses SR), so an archive's index by country finds them; a cable without it is missed there. About one in twenty real cables leaves it out, most of them about another country or a multilateral meeting, so this is information, and adding the TAG waits for you to choose it. Only the embassies whose cables the reference checked are known, and only those where more than half the cables checked carry the TAG (83 posts; not Brussels, Sofia, Bridgetown or Chisinau, nor an embassy it did not check, such as Kuwait, La Paz or Mexico); the banner's post names the embassy, under either spelling the reference's routing-indicator table gives (KIEV or KYIV for Embassy Kyiv), so a consulate's or a mission's cable is not checked. Where the TAGS carry a two-letter geographic TAG whose meaning the reference's sources do not establish (YE on a cable from Embassy Sanaa, which the reference notes is not a FIPS 10-4 code), the message names it and gives it no meaning; a code your user dictionary defines (`dictionaries` in `.cablelint.jsonc`) has your entry's meaning, and is not named.",
    source: "FORMAT.md §7 rule 23, corpus analysis of the released cables: 998 of 1,043 cables from 87 embassies in capitals carry the host country's TAG [DATAJSON], [GEONAMES]; each post's count from tags-geographic.tsv (its host-country check); a post's other spelling from routing-indicators.tsv (the other AMEMBASSY addresses under its routing indicator); which TAGS are of unestablished meaning from tags-geographic.tsv (its unverified two-letter rows, not the regional ones).",
  },
  check(cable, report, context) {
    const field = cable.tags;
    if (!field || field.tags.length === 0) return;
    const host = hostTagOf(cable);
    if (!host) return;
    const tags = field.tags;
    // A two-letter geographic TAG whose meaning the sources do not establish (YE on a cable from Embassy Sanaa, 05SANAA923)
    // is named, so that a reviewer sees the code the cable carries there, and given no meaning; not one a user dictionary
    // defines (`context.userTags`), whose entry gives it the team's meaning, as the TAG hover shows it.
    const user = context.userTags;
    const unestablished: string[] = [];
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i];
      if (tag.role !== 'code') continue;
      if (tag.code === host.tag) return;
      if (UNESTABLISHED_GEOGRAPHIC.has(tag.code) && user?.has(tag.code) !== true && !unestablished.includes(tag.code)) unestablished.push(tag.code);
    }
    report({
      message: `TAGS lack ${host.tag} (${host.country}), the host country's TAG, which ${host.carried} of ${host.of} released cables from Embassy ${host.embassy} carry${carried(unestablished)}.`,
      range: field.keyword.range,
      fixes: addition(cable.lines, field, host.tag),
    });
  },
};

/**
 * The clause naming the TAGS of unestablished meaning the field carries, without a meaning ("; the TAGS carry YE, whose
 * meaning the sources do not establish"), or nothing.
 */
function carried(codes: readonly string[]): string {
  if (codes.length === 0) return '';
  const list = codes.length === 1 ? codes[0] : `${codes.slice(0, -1).join(', ')} and ${codes[codes.length - 1]}`;
  return `; the TAGS carry ${list}, whose ${codes.length === 1 ? 'meaning' : 'meanings'} the sources do not establish`;
}

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
