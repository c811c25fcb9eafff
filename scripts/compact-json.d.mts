/** Types of compact-json.mjs, which tests import. */
export declare function compactJson(text: string): string;
