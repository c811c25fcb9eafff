/**
 * The cable dictionaries: TAGS, routing indicators, markings, header codes and
 * E.O. reasons, built from ../shared/reference (server/src/core/data/), plus
 * user dictionaries named in `.cablelint.jsonc` (`dictionaries`).
 */
import data from '../core/data/dictionary.json';
import type { RoutingEntry, TagEntry, UserDictionary } from '../core/userDictionary';

// User dictionaries are read in the core, so that `cablelint` reads them without this module's built-in data.
export { loadUserDictionary, type RoutingEntry, type TagEntry, type UserDictionary } from '../core/userDictionary';

/** Marking, header-code and E.O. entries. */
export interface TermEntry {
  readonly term?: string;
  readonly code?: string;
  readonly kind: string;
  readonly meaning?: string;
  /** What the corpus analysis adds to a marking's meaning (markings.tsv's notes). */
  readonly note?: string;
  readonly summary?: string;
  readonly order?: string;
  readonly section?: string;
  readonly effective?: string;
  readonly source: string;
  readonly verified: boolean;
  /** The reference gives the meaning from secondary sources only (PlusD's glossary, a vocabulary's copy). */
  readonly secondary?: boolean;
}

/** Everything hover and completion look codes up in. */
export interface Dictionaries {
  readonly tags: ReadonlyMap<string, TagEntry>;
  /**
   * The entries of another family for a code two families share (AU: Austria, geographic, and the African Union,
   * organization; UN and EU: organizations whose meaning as geographic TAGS is not established). `tags` holds the one
   * a meaning is established for, the first in the files' order when each has one; this map the rest.
   */
  readonly tagsAlso: ReadonlyMap<string, readonly TagEntry[]>;
  readonly categories: ReadonlyMap<string, TagEntry>;
  readonly routingIndicators: ReadonlyMap<string, RoutingEntry>;
  readonly markings: ReadonlyMap<string, TermEntry>;
  readonly headerCodes: readonly TermEntry[];
  readonly eo: readonly TermEntry[];
  /**
   * The documents FORMAT.md §8 names, by the key its text cites them with ("TPUB5" →
   * "http://tpub.com/incco/5.htm — security warning …"), for the hovers that state its format facts.
   */
  readonly documents: ReadonlyMap<string, string>;
}

let cached: Dictionaries | undefined;

/** The built-in dictionaries. */
export function defaultDictionaries(): Dictionaries {
  if (cached) return cached;
  const tags = new Map<string, TagEntry>();
  const categories = new Map<string, TagEntry>();
  const tagsAlso = new Map<string, TagEntry[]>();
  for (const t of data.tags as TagEntry[]) {
    if (t.family === 'category') {
      categories.set(t.code, t);
      continue;
    }
    const first = tags.get(t.code);
    if (!first) tags.set(t.code, t);
    else if (t.verified && !first.verified) {
      // UN and EU: the organization's established meaning goes first, not the geographic entry that says none is.
      tags.set(t.code, t);
      tagsAlso.set(t.code, [first, ...(tagsAlso.get(t.code) ?? [])]);
    } else tagsAlso.set(t.code, [...(tagsAlso.get(t.code) ?? []), t]);
  }
  cached = {
    tags,
    tagsAlso,
    categories,
    routingIndicators: new Map((data.routingIndicators as RoutingEntry[]).map((r) => [r.code, r])),
    markings: markingKeys(data.markings as TermEntry[]),
    headerCodes: data.headerCodes as TermEntry[],
    eo: data.eo as TermEntry[],
    documents: new Map(data.documents.map((d) => [d.key, d.text])),
  };
  return cached;
}

/**
 * Markings by every name a cable writes them with: a term's own, and for a term that gives two names, each
 * ("SENSITIVE BUT UNCLASSIFIED (SBU)" under SENSITIVE BUT UNCLASSIFIED and SBU, "ONLY / EYES ONLY" under
 * ONLY and EYES ONLY). FOUO is also FOR OFFICIAL USE ONLY, the words it abbreviates. A term's own name wins
 * over another's part.
 */
function markingKeys(entries: readonly TermEntry[]): Map<string, TermEntry> {
  const byName = new Map<string, TermEntry>();
  // The first row of a name wins: SECRET is a classification level before it is a banner spelling (markings.tsv lists it
  // as both, the level first), and `C o n f i d e n t i a l` is `C O N F I D E N T I A L` in capitals.
  for (const m of entries) if (!byName.has(m.term!.toUpperCase())) byName.set(m.term!.toUpperCase(), m);
  const alias = (name: string, m: TermEntry) => {
    if (!byName.has(name)) byName.set(name, m);
  };
  for (const m of entries) {
    const term = m.term!.toUpperCase();
    const pair = /^([^()/]+?) \(([^()/]+)\)$/.exec(term) ?? /^([^()/]+?) \/ ([^()/]+)$/.exec(term);
    if (pair) {
      alias(pair[1], m);
      alias(pair[2], m);
    }
  }
  const fouo = byName.get('FOUO');
  if (fouo) alias('FOR OFFICIAL USE ONLY', fouo);
  return byName;
}

/**
 * The dictionary entry of a marking or caveat by the name a cable writes it with; a REL TO caveat with its list of
 * countries ("REL TO USA, GBR", or "REL SAU" with TO lost) is the REL TO control's.
 */
export function markingEntry(d: Dictionaries, name: string): TermEntry | undefined {
  return d.markings.get(name) ?? (REL_CAVEAT.test(name) ? d.markings.get('REL TO') : undefined);
}

// A caveat of the REL TO control with its list of countries: "REL TO USA, GBR", "REL SAU".
const REL_CAVEAT = /^REL(?: TO)? [A-Z]/;

/**
 * What follows a meaning the reference does not give from a primary source, so that it never reads as fact: " (unverified)"
 * when its sources do not establish it, " (secondary sources only)" when only a glossary, blog or copy gives it (NODIS,
 * PREL's PlusD label, reason 1.4 (d) of the 2003 wording), and nothing for a primary one.
 */
export function qualifier(entry: { readonly verified: boolean; readonly secondary?: boolean }): string {
  return !entry.verified ? ' (unverified)' : entry.secondary ? ' (secondary sources only)' : '';
}

/** {@link qualifier} as short as a completion item's description needs it: " (secondary)" for " (secondary sources only)". */
export function labelQualifier(entry: { readonly verified: boolean; readonly secondary?: boolean }): string {
  return !entry.verified ? ' (unverified)' : entry.secondary ? ' (secondary)' : '';
}

/** A marking's meaning as hovers and completion give it, an unverified or secondary one said to be so. */
export function markingMeaning(entry: TermEntry): string {
  return `${entry.meaning ?? ''}${qualifier(entry)}`;
}

/** Every entry of a TAG code, the one `tags` holds first (AU: Austria, then the African Union). */
export function tagEntries(d: Dictionaries, code: string): TagEntry[] {
  const entry = d.tags.get(code);
  return entry ? [entry, ...(d.tagsAlso.get(code) ?? [])] : [];
}

/**
 * A TAG's meaning for a list: each family's established one (`short` shortens it, as completion does, and adds the
 * hedge `mark` gives it, {@link labelQualifier} unless told), one from secondary sources only said to be so: "Austria or African Union" for AU, whose meaning in a cable its context decides; "unverified" when no family's is established.
 */
export function tagListMeaning(entries: readonly TagEntry[], short: (meaning: string, hedge: string) => string, mark = labelQualifier): string {
  const known = entries.filter((e) => e.verified).map((e) => short(e.meaning, mark(e)));
  return known.length > 0 ? known.join(' or ') : 'unverified';
}

/**
 * What an unverified entry's words say besides that its meaning is not established, or undefined when nothing:
 * "meaning not established (not a FIPS 10-4 code; Yemen is YM, used 19 times by Embassy Sanaa)" → "not a FIPS 10-4 code;
 * Yemen is YM, used 19 times by Embassy Sanaa", "regional TAG; meaning not established from available sources (see usage
 * context)" → "regional TAG"; "meaning not established from available sources" → undefined.
 */
function unverifiedContext(meaning: string): string | undefined {
  let rest = meaning
    .replace(/\(see (?:corpus_examples for )?usage context\)/gi, '')
    .replace(/\bmeaning not established(?: as a geo TAG)?(?: from (?:available )?sources)?/gi, '')
    .replace(/\b(?:full )?expansion not established(?: from (?:available )?sources| here)?/gi, '');
  // The separators left at either end ("regional TAG; "), trimmed by hand: a regex anchored at the end retries quadratically.
  let start = 0;
  let end = rest.length;
  while (start < end && SEPARATOR.test(rest[start])) start++;
  while (end > start && SEPARATOR.test(rest[end - 1])) end--;
  rest = rest.slice(start, end);
  // "(not a FIPS 10-4 code; …)": the parenthesis alone is left, without what it stood after.
  if (rest.startsWith('(') && rest.endsWith(')') && rest.indexOf(')') === rest.length - 1) rest = rest.slice(1, -1).trim();
  return rest.length > 0 ? rest : undefined;
}

/** A character {@link unverifiedContext} trims from the ends of what it keeps. */
const SEPARATOR = /[\s;:,.]/;

/**
 * What the reference notes of an unverified TAG entry, said to be unverified ("What the reference notes of it, unverified:
 * not a FIPS 10-4 code; Yemen is YM, …." under YE), or undefined for a verified entry or one whose row notes nothing:
 * the one sentence the hover, completion and the preview card give it, so that none shows the row's words as the meaning.
 */
export function unverifiedNote(entry: Pick<TagEntry, 'meaning' | 'verified'>): string | undefined {
  if (entry.verified) return undefined;
  const context = unverifiedContext(entry.meaning);
  return context === undefined ? undefined : `What the reference notes of it, unverified: ${context}.`;
}

/** User entries add to or override the built-in ones. */
export function mergeDictionaries(base: Dictionaries, users: readonly UserDictionary[]): Dictionaries {
  if (users.length === 0) return base;
  const tags = new Map(base.tags);
  const tagsAlso = new Map(base.tagsAlso);
  const ris = new Map(base.routingIndicators);
  for (const u of users) {
    // A user's entry of a code is its meaning: the built-in entries of other families no longer show beside it.
    for (const t of u.tags) {
      tags.set(t.code, t);
      tagsAlso.delete(t.code);
    }
    for (const r of u.routingIndicators) ris.set(r.code, r);
  }
  return { ...base, tags, tagsAlso, routingIndicators: ris };
}
