/** Types of changelog-digest.mjs, which tests import. */
export declare function firstSentence(entry: string): string;
export declare function changelogDigest(text: string, whole: string): string;
