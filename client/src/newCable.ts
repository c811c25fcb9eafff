/**
 * The whole-cable snippet as **Cable: New Cable** inserts it. A snippet's clock variables read the local time and give no
 * day of year, so the snippet as typed from its prefix dates its date-time group by the local clock and leaves the DE
 * line's day `001`, which CBL006 reports until it is filled in. The command knows the time: it writes the group and the DE
 * line's day of year and time in UTC, which a `Z` group means, so that the new cable lints clean as inserted.
 */

/** The snippet's own name in `snippets/cable.json`, which the command inserts. */
export const NEW_CABLE_SNIPPET = 'Cable with transmission header';

/**
 * `text` with each snippet variable `values` gives (`${CURRENT_DATE}`, `${CURRENT_MONTH/…/…/}`) written out, its
 * transform applied as VS Code applies one: `${n:+text}` where group n matched, `${n:?yes:no}`, `$n`. A variable it is not
 * given stays as written, for the editor to fill.
 */
export function expandVariables(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{([A-Z][A-Z_]*)(?:\/((?:[^/\\]|\\.)*)\/((?:\$\{[^}]*\}|[^/])*)\/)?\}/g, (whole, name: string, regex: string | undefined, format: string | undefined) => {
    const value = values[name];
    if (value === undefined) return whole;
    const m = regex === undefined ? null : new RegExp(regex).exec(value);
    if (!m || format === undefined) return value;
    return format
      .replace(/\$\{(\d+):\+([^}]*)\}/g, (_, g: string, yes: string) => (m[Number(g)] !== undefined ? yes : ''))
      .replace(/\$\{(\d+):\?([^:}]*):([^}]*)\}/g, (_, g: string, yes: string, no: string) => (m[Number(g)] !== undefined ? yes : no))
      .replace(/\$(\d+)/g, (_, g: string) => m[Number(g)] ?? '');
  });
}

/** The clock variables of a snippet for `now` in UTC, as VS Code names them. */
export function utcClock(now: Date): Record<string, string> {
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    CURRENT_YEAR: String(now.getUTCFullYear()),
    CURRENT_YEAR_SHORT: two(now.getUTCFullYear() % 100),
    CURRENT_MONTH: two(now.getUTCMonth() + 1),
    CURRENT_DATE: two(now.getUTCDate()),
    CURRENT_HOUR: two(now.getUTCHours()),
    CURRENT_MINUTE: two(now.getUTCMinutes()),
  };
}

/**
 * The whole-cable snippet's `body` for `now`: its clock variables in UTC, and the DE line's day of year (`${7:001…}`,
 * which no snippet variable gives) the day `now` is, as CBL006 checks it against the date-time group. On 29 February the
 * DECL date ten years on, which the snippet writes `02/29/2038` (no variable tells a leap year), falls on the 28th, as
 * completion's does (CBL015 reports a date that does not exist).
 */
export function newCableSnippet(body: readonly string[], now: Date): string {
  const day = Math.floor((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - Date.UTC(now.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  return expandVariables(body.join('\n'), utcClock(now))
    .replace(/^(DE .*\$\{\d+:)\d{3}(\d{4}\})$/m, (_, before: string, time: string) => `${before}${String(day).padStart(3, '0')}${time}`)
    .replace(/^(.*DECL: \$\{\d+:02\/)29(\/(\d{4})\})$/m, (whole, before: string, after: string, year: string) => (new Date(Date.UTC(Number(year), 1, 29)).getUTCDate() === 29 ? whole : `${before}28${after}`));
}
