/** Types of build-grammar.mjs, which tests import. */
export declare function buildGrammar(): string;
