/**
 * The host-country TAG of an embassy's cables (FORMAT.md §7 rule 23: `FR` on Embassy Paris's, `SR` on Belgrade's), for the
 * 83 embassies the reference checked on the released cables where more than half the cables checked carry it
 * (`hostTags` in data/tagCodes.json, made by scripts/build-data.mjs from the geographic TAG table), each also under the other posts its
 * cables are written under that the routing-indicator table gives (`KIEV` for Embassy Kyiv, `spellings`).
 */
import data from './data/tagCodes.json';
import { normalizePost } from './id';
import type { Cable } from './model';

/** An embassy's host-country TAG, with what the reference's check found: `carried` of `of` released cables from it carry the TAG. */
export type HostTag = (typeof data.hostTags)[number];

// Each embassy under its post and the other posts its cables are written under (Kyiv's cables are KIEV's before 2009: 06KIEV1261).
const HOSTS: ReadonlyMap<string, HostTag> = new Map(data.hostTags.flatMap((h) => [h.post, ...(('spellings' in h && h.spellings) || [])].map((post): [string, HostTag] => [post, h])));

/** The host-country TAG of the embassy the cable's banner names (`PARIS` → FR), or undefined for another post or no banner. */
export function hostTagOf(cable: Cable): HostTag | undefined {
  const post = cable.banner?.post?.text;
  return post === undefined ? undefined : HOSTS.get(normalizePost(post));
}

/** The embassies whose host-country TAG is known, by post (`PARIS`), in the order of the reference's table, each once. */
export function hostEmbassies(): Iterable<HostTag> {
  return data.hostTags;
}
