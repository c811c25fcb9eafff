/**
 * User dictionaries (`dictionaries` in `.cablelint.jsonc`): their TAGS and routing indicators,
 * read from a file's text strictly as data. The language server adds them to the built-in
 * dictionaries (`features/dictionaries.ts`) for hovers and completion; it and `cablelint` hand
 * their TAG codes to the rules (`LintContext.userTags`). The front ends read the files.
 */

/** A TAG entry. `verified: false` means its meaning is not established and must not be shown as fact. */
export interface TagEntry {
  readonly code: string;
  readonly family: 'subject' | 'program' | 'geographic' | 'organization' | 'category' | string;
  readonly category?: string;
  readonly meaning: string;
  readonly status?: string;
  readonly source: string;
  readonly verified: boolean;
  /** The reference gives the meaning from secondary sources only (a blog, PlusD's labels): shown with that said. */
  readonly secondary?: boolean;
  /** What the reference's notes add that changes how the code reads ("corpus: Embassy Belgrade cables never use RI; they use SR (8 of 8)"). */
  readonly note?: string;
  /** How many released cables' TAGS lines use the code, as the reference counts them (built-in entries only). */
  readonly corpusCount?: number;
}

/** A routing indicator and the plain-language address it was seen with. */
export interface RoutingEntry {
  readonly code: string;
  readonly address: string;
  readonly seen?: string;
  readonly role?: string;
  /** What the reference's notes add (RUEHWEB: seen only on format line 2 after a precedence pair). */
  readonly note?: string;
  readonly source: string;
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

/**
 * The user dictionaries a configuration names (`dictionaries`), each read with `read` (the front end's file
 * access, from the configuration's directory: the core reads no files). A dictionary that cannot be read, or
 * an entry it gets wrong, is a message in `errors`; its other entries still count. The editor and `cablelint`
 * load them alike.
 */
export function loadUserDictionaries(names: readonly string[], read: (name: string) => string, errors: string[]): UserDictionary[] {
  const dictionaries: UserDictionary[] = [];
  for (const name of names) {
    let text: string;
    try {
      text = read(name);
    } catch (e) {
      errors.push(`${name}: cannot read dictionary (${(e as { code?: string }).code ?? String(e)})`);
      continue;
    }
    const { dictionary, errors: entryErrors } = loadUserDictionary(text, name);
    errors.push(...entryErrors);
    if (dictionary) dictionaries.push(dictionary);
  }
  return dictionaries;
}
