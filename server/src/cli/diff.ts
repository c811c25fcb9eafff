/**
 * A small unified diff for `--fix-dry-run`: fixes change few lines, so a
 * line-by-line comparison with context is enough (no external diff tool runs).
 */

/** Unified diff of two texts, three lines of context. */
export function unifiedDiff(file: string, before: string, after: string): string {
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  // Fixes never add or remove lines except NOFORN insertion, which is not safe; align by index otherwise.
  let out = `--- ${file}\n+++ ${file} (fixed)\n`;
  if (a.length !== b.length) {
    out += `@@ -1,${a.length} +1,${b.length} @@\n` + a.map((l) => `-${l}`).join('\n') + '\n' + b.map((l) => `+${l}`).join('\n') + '\n';
    return out;
  }
  const changed = a.map((l, i) => l !== b[i]);
  for (let i = 0; i < a.length; i++) {
    if (!changed[i]) continue;
    const start = Math.max(0, i - 3);
    let end = i;
    while (end + 1 < a.length && (changed[end + 1] || changed.slice(end + 1, end + 4).some(Boolean))) end++;
    const stop = Math.min(a.length - 1, end + 3);
    out += `@@ -${start + 1},${stop - start + 1} +${start + 1},${stop - start + 1} @@\n`;
    for (let k = start; k <= stop; k++) out += changed[k] ? `-${a[k]}\n+${b[k]}\n` : ` ${a[k]}\n`;
    i = stop;
  }
  return out;
}
