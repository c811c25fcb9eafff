/**
 * What features receive from the workspace besides the parsed cable.
 * Features are pure functions of (cable, position, context): they do no IO.
 */

/** The cheap summary of a cable that the workspace index keeps (never its text). */
export interface IndexedCable {
  /** Document URI. */
  readonly uri: string;
  /** Canonical id, `09PARIS708`. */
  readonly id?: string;
  /** True when the text gives no id and `id` is the file name's (`05PARIS7360.txt`, a partial extract without a header). */
  readonly idFromFileName?: true;
  /** ISO 8601 DTG, or the date line's date. */
  readonly dtg?: string;
  readonly classification?: string;
  /** The post or office the banner names (`BUENOS AIRES`), else the one of the id, spaced as the FM line writes it (`LA PAZ`); never a blanked one. */
  readonly post?: string;
  readonly subject?: string;
  readonly tags: readonly string[];
  /** The persons the TAGS field names after an OVIP-style TAG (`OVIP (CLINTON, HILLARY)`), as written, for search; absent when none. */
  readonly persons?: readonly string[];
  /** Canonical ids this cable cites in its REF field. */
  readonly refs: readonly string[];
  /**
   * The signature as written (`CALLOWAY`, `TIMKEN JR`), for signature completion in the other cables of the post; one
   * string shared by every cable signed alike (`internSignature` in `cableIndex.ts`); absent when the cable is unsigned.
   */
  readonly signature?: string;
  /**
   * The name the Classified By line gives, with its title as written (`Ambassador Ruth Calloway`), for search; one string
   * shared by every cable so classified, as the signature; absent when the cable gives none, a blanked one or a source
   * it is derived from (`Derived From:`).
   */
  readonly classifier?: string;
  /** Line of the banner (for "find references" targets). */
  readonly bannerLine?: number;
  /**
   * Where each TAG of `tags` stands, in its order, for Find References on a TAG: three numbers each, its line and its
   * start and end characters (a TAG is on one line; a wrapped TAGS field's second line has its own).
   */
  readonly tagRanges?: readonly number[];
  /**
   * Each paragraph's number as read and where its marker stands, in the text's order, for Go to Definition on a paragraph
   * of a cited cable ("REF A para 3"): four numbers each, the number, the marker's line and its start and end characters.
   */
  readonly paragraphMarkers?: readonly number[];
  /**
   * Whether the paragraphs of `paragraphMarkers` can tell that a cable citing this one names a paragraph it lacks (CBL054,
   * `paragraphCopy` in `core/rules/util.ts`): `ended` when a signature or trailer ends the text, `open` when the copy may
   * be cut short after its last paragraph; absent when it has no numbered paragraphs or may lack sections of its message.
   */
  readonly paragraphCopy?: 'ended' | 'open';
  /**
   * True when the text names a paragraph of a cable it cites ("REF A para 3", `findCitedParagraphs`), which CBL054 checks
   * against that cable; for an open document's entry, whose text is not read for it (`summarize`'s `open`), when it cites a cable.
   */
  readonly citesParagraphs?: true;
  /**
   * Where the text names a paragraph of a cable it cites ("REF A para 5", `findCitedParagraphs`), for Find References on
   * that paragraph's marker in the cited cable: six numbers each, the index in `refs` of the cited cable, the lowest and
   * highest paragraph numbers named (the same for one number; those between its ends for a range, "3-5" naming 4 to 4),
   * the line, and the start and end characters. Absent when there is none, and on an open document's entry, whose text
   * is not read for it (the server reads the document).
   */
  readonly paragraphMentions?: readonly number[];
  /**
   * Where the call hierarchy places the cable (`callHierarchy.ts`): the banner's range and the id's text in it, as
   * eight numbers (start line, character, end line, character, twice).
   */
  readonly place?: readonly number[];
  /** The ranges of the REF items that cite the cables of `refs`, in its order, and of their citations: eight numbers each. */
  readonly citations?: readonly number[];
  /**
   * The in-text references to those REF items ("(ref A)", "reftel"), in the text's order: four numbers each, the index
   * in `refs` of the cable it goes to, its line, and its start and end characters.
   */
  readonly mentions?: readonly number[];
}
