/**
 * The known TAG codes, for the parser (which reads a line under TAGS as the field's only when it looks like TAGS) and the
 * rules (CBL044, CBL051).
 */
import { codes } from './data/tagCodes.json';

/** Every known TAG code (tagCodes.json, made from the reference's TAG tables), in capitals. */
export const KNOWN_TAGS: ReadonlySet<string> = new Set(codes);
