// The JSON files the .vsix carries (scripts/package.mjs), written without white space.

/**
 * A JSON file's text without the white space between its tokens (the grammar, the schemas, the snippets: the indented
 * cablelint schema packs to 11 KB, written so to 7 KB), which VS Code reads alike; a file that is not strict JSON (one
 * with comments) is kept as it is.
 * @param {string} text
 */
export function compactJson(text) {
  try {
    return `${JSON.stringify(JSON.parse(text))}\n`;
  } catch {
    return text;
  }
}
