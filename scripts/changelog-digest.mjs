// The changelog the .vsix carries (scripts/package.mjs): CHANGELOG.md with each entry cut to its first sentence,
// and a closing line that points to the whole file, which the repository and the npm package keep. VS Code shows
// it on the extension's Changelog tab, where a reader scans what changed; the whole entries (325 KB) made a third
// of the package's growth.

/** Words whose period ends no sentence. */
const ABBREVIATIONS = new Set(['No', 'Nos', 'e.g', 'i.e', 'vs', 'etc', 'cf', 'St', 'Mr', 'Mrs', 'Ms', 'Dr', 'Amb', 'Gen', 'Sec', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);

/**
 * The first sentence of an entry: the text up to the first period that is followed by a space and a capital letter,
 * a backtick or a quote, outside code spans and parentheses, and that ends no abbreviation (`U.S.`, `No.`, `e.g.`).
 * An entry with no such period is kept whole.
 * @param {string} entry
 */
export function firstSentence(entry) {
  let depth = 0;
  let inCode = false;
  for (let i = 0; i < entry.length; i++) {
    const c = entry[i];
    if (c === '`') inCode = !inCode;
    else if (inCode) continue;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '.' && depth === 0 && entry[i + 1] === ' ' && /[A-Z`'"“]/.test(entry[i + 2] ?? '')) {
      const word = /(?:^|[\s(])([^\s(]*)$/.exec(entry.slice(0, i))?.[1] ?? '';
      if (/^(?:[A-Za-z]\.)*[A-Za-z]$/.test(word) || ABBREVIATIONS.has(word)) continue;
      return entry.slice(0, i + 1);
    }
  }
  return entry;
}

/**
 * The digest of a changelog: its headings and each top-level entry's first sentence; the lines under an entry
 * (indented) go with its other sentences.
 * @param {string} text CHANGELOG.md
 * @param {string} whole where the whole changelog is, for the closing line
 */
export function changelogDigest(text, whole) {
  const lines = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('- ')) lines.push(firstSentence(line));
    else if (!/^\s+\S/.test(line)) lines.push(line);
  }
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n\n---\n\nEach entry above is its first sentence. ${whole}\n`;
}
