/**
 * Semantic tokens for what a line grammar cannot know: the signature is the
 * last line (or a name glued to it), which TextMate cannot tell from a
 * one-word heading. VS Code maps the token type to `entity.name.function.signature.cable`
 * (package.json `semanticTokenScopes`), so themes color it like the grammar's scopes.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { Cable } from '../core/model';

/** Token types, in legend order. */
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: ['signature'], tokenModifiers: [] };

/** Semantic tokens of a cable, encoded as LSP relative data. */
export function getSemanticTokens(cable: Cable): SemanticTokens {
  const data: number[] = [];
  const sig = cable.signature?.token.range;
  if (sig && sig.start.line === sig.end.line) data.push(sig.start.line, sig.start.character, sig.end.character - sig.start.character, 0, 0);
  return { data };
}
