/**
 * The unified diff `--fix-dry-run` prints, made by jsdiff (the `diff` package). A fix may
 * remove a whole line (CBL018 drops a repeated TAG standing alone on a wrapped TAGS line),
 * so lines are matched by content, not by their index.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/**
 * Unified diff of a file's text before and after its fixes, with three lines of context,
 * headed `--- FILE` and `+++ FILE (fixed)`. Lines are compared without their terminators:
 * `\r\n` and a lone `\r` become `\n` on both sides first, because fixes keep every line
 * ending as it was, and a diff printed with `\r` in it would show stray characters on a
 * terminal. Returns an empty string when no line differs.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  const a = before.replace(/\r\n?/g, '\n');
  const b = after.replace(/\r\n?/g, '\n');
  if (a === b) return '';
  return createTwoFilesPatch(file, `${file} (fixed)`, a, b, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
