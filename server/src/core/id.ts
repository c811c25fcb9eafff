/**
 * Canonical cable ids as used in REF citations and Cablegate file names:
 * two-digit year, post in upper case without spaces, serial without leading
 * zeros (`09PARIS708`, `06BUENOSAIRES1462`).
 */
import type { Cable, RefItem } from './model';
import { isDigit, upperCase } from './text';

/** Posts written differently in citations and in ids. */
const POST_ALIASES: ReadonlyMap<string, string> = new Map([
  ['SECSTATE', 'STATE'],
  ['SECSTATEWASHDC', 'STATE'],
  // The banner writes "RPO DUBAI", citations often "DUBAI RPO".
  ['DUBAIRPO', 'RPODUBAI'],
]);

/** Normalises a post for an id: upper case, letters only (`Buenos Aires` → `BUENOSAIRES`). */
export function normalizePost(post: string): string {
  const upper = upperCase(post);
  // Most posts are letters already ("PARIS"); only the others need the replacement.
  const letters = onlyCapitals(upper) ? upper : upper.replace(NOT_CAPITALS, '');
  return POST_ALIASES.get(letters) ?? letters;
}

const NOT_CAPITALS = /[^A-Z]+/g;

/** True when every character of `text` is one of A–Z. */
export function onlyCapitals(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** Expands a two-digit year: 00–49 → 20xx, 50–99 → 19xx. Four-digit years pass through. */
export function fullYear(year: number): number {
  if (year >= 100) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

/** True when `post` is a redaction ("XXXXXXXXXXXX", "XXXX XXXX"): X's in either case, perhaps in several words. A redacted post names no cable. */
export function isRedactedPost(post: string): boolean {
  let xs = 0;
  for (let k = 0; k < post.length; k++) {
    const c = post.charCodeAt(k) | 32;
    if (c === 120 /* x */) xs++;
    else if (c !== 32) return false;
  }
  return xs > 0;
}

/**
 * Builds a canonical id: `canonicalId(2009, 'PARIS', 708)` → `09PARIS708`. The id is a flat string of its own: joined, not
 * concatenated, since V8 keeps a concatenation of 13 characters or more (`06BUENOSAIRES1462`) as two objects joining its
 * parts, about 90 bytes more than the flat string, and a post of 13 letters or more (`HOCHIMINHCITY`) is a slice of the
 * cable's whole text, which such an id kept by the workspace index or the CLI's record of ids would keep alive.
 */
export function canonicalId(year: number, post: string, serial: number): string {
  const yy = String(fullYear(year) % 100).padStart(2, '0');
  const letters = normalizePost(post);
  const digits = String(serial);
  // A shorter concatenation is made flat already, and cheaper than a join (`09PARIS708`).
  return yy.length + letters.length + digits.length < 13 ? yy + letters + digits : [yy, letters, digits].join('');
}

/**
 * An id (or a file name) with each run of digits padded to 12 (`09PARIS000000000099`), which compares as strings as people
 * read it: `09PARIS99` before `09PARIS708`. Workspace symbols and REF citation completion order ids by it, as the Cables
 * view's numeric collator does.
 */
export function idSortKey(id: string): string {
  return id.replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}

/**
 * The four-digit year of a cable's id (`04MADRID1731`: `2004`), or undefined (no id, or one without a year). An undated
 * cable (a partial extract, with no DTG) is placed by it among dated ones: as an ISO date it sorts after every date of
 * that year and before every date of a later one, so a latest-first list puts it after its year's dated cables.
 * Workspace symbols, REF citation completion and **Cable: Insert Citation…** all order by it.
 */
export function idYear(id: string | null | undefined): string | undefined {
  const year = id === undefined || id === null ? undefined : parseCableId(id)?.year;
  return year === undefined ? undefined : String(year);
}

/** A cable id as typed by a user. */
export interface TypedCableId {
  readonly year?: number;
  /** Normalised post (`PARIS`). */
  readonly post: string;
  readonly number: number;
}

// "09PARIS708", and as PlusD (WikiLeaks' later release) writes ids: "2009PARIS708", "1974STATE150591" (a four-digit year,
// 19xx or 20xx), "05STATE226504_a" (a letter after an underscore for a second copy of the same cable).
const COMPACT_ID = /^(\d{2}|(?:19|20)\d{2})([A-Za-z]+)(\d{1,6})(?:_[A-Za-z])?$/;

/**
 * Reads an id typed as `09PARIS708`, `PARIS 708`, `09 PARIS 708`,
 * `2009 PARIS 708` or `PARIS 000708`, or as PlusD writes it (`2009PARIS708`, `05STATE226504_a`).
 * Returns undefined for anything else.
 */
export function parseCableId(text: string): TypedCableId | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 60) return undefined;
  const compact = COMPACT_ID.exec(trimmed);
  if (compact) return { year: fullYear(parseInt(compact[1], 10)), post: normalizePost(compact[2]), number: parseInt(compact[3], 10) };
  // "[YY or YYYY] POST NUMBER": the number is the digits at the end, the year the digits at the start.
  let numberStart = trimmed.length;
  while (numberStart > 0 && isDigit(trimmed.charCodeAt(numberStart - 1))) numberStart--;
  const digits = trimmed.length - numberStart;
  if (digits < 1 || digits > 6) return undefined;
  const year = /^(\d{2}|\d{4})\s+/.exec(trimmed);
  const postText = trimmed.slice(year ? year[0].length : 0, numberStart).trimEnd();
  // The post: a letter, then letters, spaces, dots, apostrophes and hyphens.
  if (!/^[A-Za-z][A-Za-z .'-]*$/.test(postText)) return undefined;
  const post = normalizePost(postText);
  if (post.length === 0) return undefined;
  return {
    year: year ? fullYear(parseInt(year[1], 10)) : undefined,
    post,
    number: parseInt(trimmed.slice(numberStart), 10),
  };
}

/**
 * The canonical id a file name gives: `09PARIS1039.txt`, or a path or URI ending in it,
 * gives `09PARIS1039`; so do PlusD's names, `2009PARIS1039.txt` and a second copy's `09PARIS1039_a.txt`
 * (`1974STATE150591.txt` gives `74STATE150591`); undefined for other names.
 */
export function idFromFileName(name: string): string | undefined {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replace(FILE_EXTENSION, '');
  const m = FILE_ID.exec(base);
  if (!m) return undefined;
  // Most names are the id already ("09PARIS1039"); only PlusD's lose their century or suffix.
  return m[1].length === 2 && m[2] === undefined ? base : base.slice(m[1].length - 2, base.length - (m[2]?.length ?? 0));
}

const FILE_EXTENSION = /\.(?:txt|cable)$/i;
// "09PARIS1039", "2009PARIS1039", "1974STATE150591", "05STATE226504_a": capitals for the post, a small letter for the copy.
const FILE_ID = /^(\d{2}|(?:19|20)\d{2})[A-Z]+\d{1,6}(_[a-z])?$/;

/**
 * What a file's name says of it: `cable` for `*.cable` and `.txt` names that give an id
 * (`09PARIS1039.txt`, PlusD's `2009PARIS1039.txt` and `09PARIS1039_a.txt`: {@link idFromFileName}), `txt` for other `.txt` names, which may or may not hold a cable
 * (archives named by hash; notes), and undefined for the rest. `cablelint`'s directory walk
 * and the workspace index take a `txt` file only when its text reads as a cable.
 */
export function fileNameKind(name: string): 'cable' | 'txt' | undefined {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  if (/\.cable$/i.test(base) || (base.endsWith('.txt') && FILE_ID.test(base.slice(0, -4)))) return 'cable';
  return /\.txt$/i.test(base) ? 'txt' : undefined;
}

/** The cable a REF citation is read in: its year, and its post and serial when the text gives them. */
export interface CitingCable {
  /** Four-digit year. */
  readonly year: number;
  /** Month (1–12) and day of the cable's date, when the text gives them. */
  readonly month?: number;
  readonly day?: number;
  /** Post as written (`BUENOS AIRES`) or normalised (`BUENOSAIRES`). */
  readonly post?: string;
  readonly serial?: number;
}

/**
 * More cables than any post numbers in a day. The Department, the busiest sender, numbered 300 to 380 a day in the
 * corpus's STATE cables of 2008 to 2010 (`09STATE16285` on 22 February, `09STATE93327` on 8 September), and at
 * least 558 a day in 2006 (a STATE 203879 cited in early January 2007, sent by 31 December); an embassy numbers a
 * few thousand a year.
 */
const MOST_NUMBERED_A_DAY = 1000;

/**
 * Whether a post can have numbered cable `serial` of a year by month `month`, day `day` of it: not above
 * {@link MOST_NUMBERED_A_DAY} a day from 1 January, a month counted as 31 days and a week's grace added.
 * The corpus's cables keep to it, their banners' serials against their dates (test/unit/corpus.test.ts).
 */
export function serialFitsDate(serial: number, month: number, day: number): boolean {
  return serial <= ((month - 1) * 31 + day + 7) * MOST_NUMBERED_A_DAY;
}

/**
 * The year of a cable cited without one: the citing cable's year, or the year before when the
 * citation names the citing cable's own post with a higher number, or a number no post can have
 * reached by the citing cable's date ({@link serialFitsDate}). A post numbers its cables
 * from 1 each year, so "NOWHERE 2950" in NOWHERE 40 of January 2010 was sent in 2009, and so was
 * "STATE 203879" in a cable of 12 January 2010.
 */
export function citedYear(cited: { readonly post: string; readonly number: number }, citing: CitingCable): number {
  const year = fullYear(citing.year);
  if (citing.month !== undefined && citing.day !== undefined && !serialFitsDate(cited.number, citing.month, citing.day)) return year - 1;
  if (citing.post === undefined || citing.serial === undefined || cited.number <= citing.serial) return year;
  return normalizePost(cited.post) === normalizePost(citing.post) ? year - 1 : year;
}

/**
 * The id of the cable that REF item `item` cites. A citation without a year takes the citing
 * cable's year (see {@link citedYear}); when the cable's text gives no date, the year of `citingId`
 * (the id its file name gives, say) stands in, and its post and serial are compared as the text's are.
 */
export function citedId(item: RefItem, citingId: string | undefined): string | undefined {
  if (item.id !== undefined || item.cable === undefined || citingId === undefined) return item.id;
  const typed = parseCableId(citingId);
  const citing: CitingCable = typed?.year !== undefined
    ? { year: typed.year, post: typed.post, serial: typed.number }
    : { year: parseInt(citingId.slice(0, 2), 10) };
  return canonicalId(citedYear(item.cable, citing), item.cable.post, item.cable.number);
}

/**
 * How a REF field of the cable `citingId` cites the cable `id` (`09PARIS708`): `PARIS 708` where the citing cable's year
 * reads it back as `id` ({@link citedYear}), else with its year, `08 PARIS 708`. `post` is the post as the cited cable's
 * banner writes it (`BUENOS AIRES`), used when it is the id's. Undefined for an id without a year.
 */
export function citationOf(id: string, citingId: string | undefined, post?: string): string | undefined {
  const cited = parseCableId(id);
  if (cited?.year === undefined) return undefined;
  const short = `${post !== undefined && normalizePost(post) === cited.post ? post : cited.post} ${cited.number}`;
  const citing = citingId === undefined ? undefined : parseCableId(citingId);
  if (citing?.year !== undefined && canonicalId(citedYear(cited, { year: citing.year, post: citing.post, serial: citing.number }), cited.post, cited.number) === id) return short;
  return `${String(cited.year % 100).padStart(2, '0')} ${short}`;
}

/** The file name at the end of `uri`, unescaped (`reading notes.cable`). */
export function fileName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * The post a cable is filed under: the banner's, with "BUENOS  AIRES" and "BUENOS AIRES" one post; else, with no banner or
 * one whose post the release blanked (`XXXXXXXXXXXX 000004`), the post of `id`, spaced as the FM line writes it
 * (`FM AMEMBASSY LA PAZ` for `09LAPAZ96`: `LA PAZ`, the banner's spelling in the other cables of La Paz), else as the id
 * writes it (`PARIS`). A blanked post with no id names none. The workspace index files each cable under it, and signature
 * completion offers the signatures of the cables filed under the same.
 */
export function filedPost(cable: Cable, id: string | undefined): string | undefined {
  const banner = cable.banner?.post?.text.trim().replace(/\s+/g, ' ').toUpperCase();
  if (banner && !isRedactedPost(banner)) return banner;
  const post = id === undefined ? undefined : parseCableId(id)?.post;
  if (post === undefined) return undefined;
  // "AMCONSUL RIO DE JANEIRO": the words at the end whose letters are the id's post.
  const words = cable.header?.from?.address?.text.trim().toUpperCase().split(/\s+/) ?? [];
  for (let k = 0; k < words.length; k++) {
    const tail = words.slice(k).join(' ');
    if (tail.replace(/[^A-Z]+/g, '') === post) return tail;
  }
  return post;
}
