/**
 * Semantic tokens for what a line grammar cannot know:
 * - the signature is the last line (or a name glued to it), which TextMate cannot tell from a
 *   one-word heading;
 * - a paragraph number is one only as the parser reads it: `2. The minister said …` with no
 *   marking, a bare `3 (S)`, or `18.Our …` glued to its text, is the next number in sequence
 *   or a line of a quoted list, which a line grammar cannot tell apart. Every marker the parser
 *   reads gets a token, so that the grammar's colors and the parser's paragraphs agree;
 * - a banner the parser reads from a damaged spelling (`CONFIDENTAIL …`, `S E C R E PARIS 000479`),
 *   which the grammar's patterns do not list: every banner's level (with a modifier for the level
 *   read), post and serial get tokens, so that a damaged banner is colored as the level it stands for.
 * VS Code maps each token type to the grammar's scope (package.json `semanticTokenScopes`:
 * `entity.name.function.signature.cable`, `constant.numeric.paragraph.cable`, the banner scopes
 * of each level), so themes color them as the grammar's scopes.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { Cable, Level, Range } from '../core/model';

/** Token types, in legend order. */
export const SEMANTIC_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['signature', 'paragraphNumber', 'bannerLevel', 'bannerPost', 'bannerSerial'],
  tokenModifiers: ['secret', 'confidential', 'unclassified'],
};

const SIGNATURE = 0;
const PARAGRAPH_NUMBER = 1;
const BANNER_LEVEL = 2;
const BANNER_POST = 3;
const BANNER_SERIAL = 4;

/** The modifier bit of each level, as the grammar's scopes go: TOP SECRET shares SECRET's. */
const LEVEL_MODIFIER: Record<Level, number> = { 'TOP SECRET': 1, SECRET: 1, CONFIDENTIAL: 2, UNCLASSIFIED: 4 };

/** Semantic tokens of a cable, encoded as LSP relative data. */
export function getSemanticTokens(cable: Cable): SemanticTokens {
  const tokens: { range: Range; type: number; modifiers?: number }[] = cable.paragraphs.map((p) => ({ range: p.marker.range, type: PARAGRAPH_NUMBER }));
  for (const b of cable.banners) {
    tokens.push({ range: b.levelText.range, type: BANNER_LEVEL, modifiers: LEVEL_MODIFIER[b.level] });
    if (b.post) tokens.push({ range: b.post.range, type: BANNER_POST });
    if (b.serial) tokens.push({ range: b.serial.range, type: BANNER_SERIAL });
  }
  const sig = cable.signature?.token.range;
  if (sig) tokens.push({ range: sig, type: SIGNATURE });
  // LSP encodes each token relative to the one before: they must come in document order.
  tokens.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const { range, type, modifiers } of tokens) {
    const { start, end } = range;
    if (start.line !== end.line || end.character <= start.character) continue;
    const deltaLine = start.line - line;
    data.push(deltaLine, deltaLine === 0 ? start.character - character : start.character, end.character - start.character, type, modifiers ?? 0);
    line = start.line;
    character = start.character;
  }
  return { data };
}
