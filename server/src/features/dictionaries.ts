/**
 * The cable dictionaries: TAGS, routing indicators, markings, header codes and
 * E.O. reasons, built from ../shared/reference (server/src/core/data/), plus
 * user dictionaries named in `.cablelint.jsonc` (`dictionaries`).
 */
import data from '../core/data/dictionary.json';

/** A TAG entry. `verified: false` means its meaning is not established and must not be shown as fact. */
export interface TagEntry {
  readonly code: string;
  readonly family: 'subject' | 'program' | 'geographic' | 'organization' | 'category' | string;
  readonly category?: string;
  readonly meaning: string;
  readonly status?: string;
  readonly source: string;
  readonly verified: boolean;
}

/** A routing indicator and the plain-language address it was seen with. */
export interface RoutingEntry {
  readonly code: string;
  readonly address: string;
  readonly seen?: string;
  readonly role?: string;
  readonly source: string;
}

/** Marking, header-code and E.O. entries. */
export interface TermEntry {
  readonly term?: string;
  readonly code?: string;
  readonly kind: string;
  readonly meaning?: string;
  readonly summary?: string;
  readonly order?: string;
  readonly section?: string;
  readonly effective?: string;
  readonly source: string;
  readonly verified: boolean;
}

/** Everything hover and completion look codes up in. */
export interface Dictionaries {
  readonly tags: ReadonlyMap<string, TagEntry>;
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
  for (const t of data.tags as TagEntry[]) {
    if (t.family === 'category') categories.set(t.code, t);
    else if (!tags.has(t.code)) tags.set(t.code, t);
  }
  cached = {
    tags,
    categories,
    routingIndicators: new Map((data.routingIndicators as RoutingEntry[]).map((r) => [r.code, r])),
    markings: new Map((data.markings as TermEntry[]).map((m) => [m.term!.toUpperCase(), m])),
    headerCodes: data.headerCodes as TermEntry[],
    eo: data.eo as TermEntry[],
    documents: new Map(data.documents.map((d) => [d.key, d.text])),
  };
  return cached;
}

/** A user dictionary file: `{ "tags": [{ "code", "meaning", "family"? }], "routingIndicators": [{ "code", "address" }] }`. */
export interface UserDictionary {
  readonly tags: readonly TagEntry[];
  readonly routingIndicators: readonly RoutingEntry[];
}

/**
 * Validates a user dictionary strictly as data, as schemas/dictionary.schema.json
 * describes it. Unknown keys and wrong types are errors with their JSON path; entries
 * whose known keys are valid still load.
 */
export function loadUserDictionary(jsonText: string, source: string): { dictionary?: UserDictionary; errors: string[] } {
  const errors: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch (e) {
    return { errors: [`${source}: not valid JSON (${(e as Error).message})`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { errors: [`${source}: / must be an object`] };
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) if (!['tags', 'routingIndicators', '$schema'].includes(key)) errors.push(`${source}: /${key} is not a known section (tags, routingIndicators)`);
  const tags: TagEntry[] = [];
  const ris: RoutingEntry[] = [];
  const unknownKeys = (entry: Record<string, unknown>, path: string, known: readonly string[]) => {
    for (const key of Object.keys(entry)) if (!known.includes(key)) errors.push(`${source}: ${path}/${key} is not a known key (${known.join(', ')})`);
  };
  const list = (key: string): unknown[] => {
    const v = obj[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      errors.push(`${source}: /${key} must be an array`);
      return [];
    }
    return v;
  };
  list('tags').forEach((e, i) => {
    const entry = e as Record<string, unknown>;
    if (typeof entry !== 'object' || entry === null) return errors.push(`${source}: /tags/${i} must be an object`);
    if (typeof entry.code !== 'string' || !/^[A-Za-z]{2,10}$/.test(entry.code)) return errors.push(`${source}: /tags/${i}/code must be a string of 2 to 10 letters`);
    if (typeof entry.meaning !== 'string') return errors.push(`${source}: /tags/${i}/meaning must be a string`);
    if (entry.family !== undefined && typeof entry.family !== 'string') return errors.push(`${source}: /tags/${i}/family must be a string`);
    unknownKeys(entry, `/tags/${i}`, ['code', 'meaning', 'family']);
    tags.push({ code: entry.code.toUpperCase(), family: (entry.family as string) ?? 'user', meaning: entry.meaning, source, verified: true });
    return undefined;
  });
  list('routingIndicators').forEach((e, i) => {
    const entry = e as Record<string, unknown>;
    if (typeof entry !== 'object' || entry === null) return errors.push(`${source}: /routingIndicators/${i} must be an object`);
    if (typeof entry.code !== 'string' || !/^[A-Z]{5,8}$/.test(entry.code)) return errors.push(`${source}: /routingIndicators/${i}/code must be 5 to 8 capital letters`);
    if (typeof entry.address !== 'string') return errors.push(`${source}: /routingIndicators/${i}/address must be a string`);
    unknownKeys(entry, `/routingIndicators/${i}`, ['code', 'address']);
    ris.push({ code: entry.code, address: entry.address, source });
    return undefined;
  });
  return { dictionary: { tags, routingIndicators: ris }, errors };
}

/** User entries add to or override the built-in ones. */
export function mergeDictionaries(base: Dictionaries, users: readonly UserDictionary[]): Dictionaries {
  if (users.length === 0) return base;
  const tags = new Map(base.tags);
  const ris = new Map(base.routingIndicators);
  for (const u of users) {
    for (const t of u.tags) tags.set(t.code, t);
    for (const r of u.routingIndicators) ris.set(r.code, r);
  }
  return { ...base, tags, routingIndicators: ris };
}
