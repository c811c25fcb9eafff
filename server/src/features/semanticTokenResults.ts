/**
 * The last semantic tokens sent for each open document, so that after an edit the server answers
 * `textDocument/semanticTokens/full/delta` with the edits that turn them into the new ones: typing a
 * character in a large concatenation of cables sends a few numbers (none when the edit moves no token)
 * instead of every token of the document again.
 */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensDelta } from 'vscode-languageserver';
import type { Cable } from '../core/model';
import { pushSemanticTokens } from './semanticTokens';

/** The last result sent for a document: its id, and the builder that holds its data. */
interface LastResult {
  readonly id: string;
  readonly builder: SemanticTokensBuilder;
}

/**
 * Semantic tokens answered with result ids, and deltas against the last one sent for a document.
 * The ids are this server's own count, not the builder's (`Date.now()`), which two results made within the same
 * millisecond share: a client holding an earlier result of that id would get edits made against a later one.
 */
export class SemanticTokenResults {
  readonly #last = new Map<string, LastResult>();
  #count = 0;

  /** The tokens of the whole document, with a result id that a later delta request may name. */
  full(uri: string, cable: Cable): SemanticTokens {
    const builder = new SemanticTokensBuilder();
    pushSemanticTokens(cable, builder);
    return { resultId: this.#keep(uri, builder), data: builder.build().data };
  }

  /**
   * The edits from the result `previousResultId` to the document's tokens now, when that is the last result sent for it;
   * otherwise (a result this server no longer holds, or another document's) the whole tokens, as the protocol allows.
   */
  delta(uri: string, cable: Cable, previousResultId: string): SemanticTokens | SemanticTokensDelta {
    const last = this.#last.get(uri);
    if (!last || last.id !== previousResultId) return this.full(uri, cable);
    // The builder takes its last data as the previous result, then starts empty.
    last.builder.previousResult(last.builder.id);
    pushSemanticTokens(cable, last.builder);
    const result = last.builder.buildEdits();
    const resultId = this.#keep(uri, last.builder);
    return 'edits' in result ? { resultId, edits: result.edits } : { resultId, data: result.data };
  }

  /** Forgets a document's last result, when it closes. */
  drop(uri: string): void {
    this.#last.delete(uri);
  }

  #keep(uri: string, builder: SemanticTokensBuilder): string {
    const id = String(++this.#count);
    this.#last.set(uri, { id, builder });
    return id;
  }
}
