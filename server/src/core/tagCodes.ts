/**
 * The known TAG codes, for the parser (which reads a line under TAGS as the field's only when it looks like TAGS) and the
 * rules (CBL044, CBL051).
 */
import { codes, unestablished } from './data/tagCodes.json';

/** Every known TAG code (tagCodes.json, made from the reference's TAG tables), in capitals. */
export const KNOWN_TAGS: ReadonlySet<string> = new Set(codes);

/**
 * The two-letter geographic TAGS whose meaning the reference's sources do not establish, not the regional ones (YE: "not a
 * FIPS 10-4 code"), for CBL050, which says that the TAGS carry one and gives it no meaning.
 */
export const UNESTABLISHED_GEOGRAPHIC: ReadonlySet<string> = new Set(unestablished);
