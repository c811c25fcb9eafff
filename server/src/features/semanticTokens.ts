/**
 * Semantic tokens for what a line grammar cannot know:
 * - the signature is the last line (or a name glued to it), which TextMate cannot tell from a
 *   one-word heading;
 * - a paragraph number is one only as the parser reads it: `2. The minister said …` with no
 *   marking, a bare `3 (S)`, or `18.Our …` glued to its text, is the next number in sequence
 *   or a line of a quoted list, which a line grammar cannot tell apart. Every marker the parser
 *   reads gets a token, so that the grammar's colors and the parser's paragraphs agree.
 * VS Code maps each token type to the grammar's scope (package.json `semanticTokenScopes`:
 * `entity.name.function.signature.cable`, `constant.numeric.paragraph.cable`), so themes color
 * them as the grammar's scopes.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { Cable, Range } from '../core/model';

/** Token types, in legend order. */
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: ['signature', 'paragraphNumber'], tokenModifiers: [] };

const SIGNATURE = 0;
const PARAGRAPH_NUMBER = 1;

/** Semantic tokens of a cable, encoded as LSP relative data. */
export function getSemanticTokens(cable: Cable): SemanticTokens {
  const tokens: { range: Range; type: number }[] = cable.paragraphs.map((p) => ({ range: p.marker.range, type: PARAGRAPH_NUMBER }));
  const sig = cable.signature?.token.range;
  if (sig) tokens.push({ range: sig, type: SIGNATURE });
  // LSP encodes each token relative to the one before: they must come in document order.
  tokens.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const { range, type } of tokens) {
    const { start, end } = range;
    if (start.line !== end.line || end.character <= start.character) continue;
    const deltaLine = start.line - line;
    data.push(deltaLine, deltaLine === 0 ? start.character - character : start.character, end.character - start.character, type, 0);
    line = start.line;
    character = start.character;
  }
  return { data };
}
