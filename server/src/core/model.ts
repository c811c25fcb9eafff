/**
 * The typed model of a parsed cable.
 *
 * Every construct carries exact ranges in LSP coordinates: 0-based line and
 * 0-based UTF-16 character offset within that line. Line breaks are `\r\n`,
 * `\r` or `\n`, as in LSP and VS Code. The core never imports the protocol
 * library, so these shapes are declared here and are structurally identical
 * to `vscode-languageserver-types`.
 *
 * The model describes what the text says; judgements about what is wrong
 * belong to the rules in `rules/`. The parser records only problems it meets
 * while reading (a format line that does not parse, a damaged banner) in
 * {@link Cable.problems}; rules with the same name report them.
 */

/** A position in a document: 0-based line, 0-based UTF-16 column. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range `[start, end)`. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A slice of the source text. `text` is exactly the characters inside `range`. */
export interface Token {
  readonly text: string;
  readonly range: Range;
}

/** A token whose text denotes a number (`#0708` has value 708; `013750` has 13750). */
export interface NumberToken extends Token {
  readonly value: number;
}

/** Classification levels, lowest first. SBU is UNCLASSIFIED with a control. */
export type Level = 'UNCLASSIFIED' | 'CONFIDENTIAL' | 'SECRET' | 'TOP SECRET';

/** Precedence, from the single-letter prosigns `R P O Z` (and `Y`, emergency command). */
export type Precedence = 'ROUTINE' | 'PRIORITY' | 'IMMEDIATE' | 'FLASH' | 'EMERGENCY COMMAND';

/** A calendar date with no time zone (month and day are 1-based). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * A problem the parser met while reading. `rule` is the kebab-case name of
 * the rule that reports it (for example `header-line-malformed`,
 * `banner-malformed`, `portion-marking-malformed`).
 */
export interface ParseProblem {
  readonly rule: string;
  readonly message: string;
  readonly range: Range;
  /** `out-of-order`: a header-order problem of a format line after a later one, not of lines missing. */
  readonly kind?: 'out-of-order';
}

/** What a physical line of the document is, as far as the parser could tell. */
export type LineKind =
  | 'blank'
  | 'preamble' // date line, publisher note, export metadata, title, editorial note
  | 'header' // a transmission-header format line or addressee line
  | 'distribution' // "ACTION NEA-00", "INFO LOG-00 …", "----EE9C66 240653Z /38"
  | 'corrected-copy'
  | 'banner'
  | 'caveat'
  | 'passing' // office/passing lines: "DEPARTMENT FOR EUR/NCE", "NSC FOR …"
  | 'eo'
  | 'tags'
  | 'subject'
  | 'ref'
  | 'classified-by'
  | 'paragraph' // the first line of a numbered paragraph
  | 'text' // any other body line, including continuation lines of paragraphs
  | 'heading'
  | 'rule' // a line of dashes ("-----", "- - -", "=====")
  | 'page' // a continuation-page line or an old page header on its own line, or a continuation-page line a character of its numbers damaged
  | 'footer' // a web-site footer between the text and the signature: "Please visit Paris' Classified Website at:", its link; or one the signature is glued to; or one right under the signature (the text's last line)
  | 'signature' // the signature's line, and the name written twice alone above it ("HALLORAN" ⏎ "" ⏎ "HALLORAN")
  | 'trailer'; // "BT", the end-of-message serial "#0708" and "NNNN" closing the transmission after the text

// ---------------------------------------------------------------------------
// Preamble

/** Lines before the banner that are not part of the transmission header. */
export interface PreambleLine {
  readonly kind: 'date-line' | 'publisher-note' | 'export-metadata' | 'title' | 'editorial';
  readonly token: Token;
  /** For a date line ("Friday, 31 July 2009, 06:59", or a date-time group alone: "080857Z Jul 05"): the date it gives. */
  readonly date?: CalendarDate;
  /**
   * For a date-time group alone ("080857Z Jul 05") whose date and time exist: the group as ISO 8601 UTC,
   * `2005-07-08T08:57:00Z`, as `DateTimeGroup.iso` gives the header's.
   */
  readonly dtg?: string;
}

// ---------------------------------------------------------------------------
// Transmission header (ACP 127 format lines)

/** What a physical line of the transmission header is. */
export type HeaderLineKind =
  | 'transmission-id' // line 1: VZCZCXRO1234
  | 'routing' // line 2: PP RUEHWEB (and its wrapped continuation)
  | 'de' // line 3: DE RUEHFR #0708/01 1480849
  | 'security' // line 4: ZNY SSSSS ZZH
  | 'dtg' // line 5: P 280849Z MAY 09
  | 'from' // FM AMEMBASSY PARIS
  | 'to' // TO RUEHC/SECSTATE WASHDC PRIORITY 6320
  | 'info' // INFO …
  | 'xmt' // XMT …
  | 'addressee' // continuation addressee line under TO/INFO/XMT
  | 'bt'
  | 'nnnn'
  | 'distribution' // office distribution lines of old printouts
  | 'unknown'; // inside the header block, but not parsed

/** One physical line of the transmission header. */
export interface HeaderLine {
  readonly kind: HeaderLineKind;
  readonly line: number;
  readonly range: Range;
  /** False when the line was recognised by its leading keyword but its fields did not parse. */
  readonly parsed: boolean;
}

/** Line 2: the doubled precedence letter and the routing indicators that follow. */
export interface RoutingLine {
  readonly range: Range;
  /** `PP`, `OO`, `RR`, `ZZ`. */
  readonly pair: Token;
  /** The precedence the pair stands for, when the pair is well formed. */
  readonly precedence?: Precedence;
  /** Routing indicators on line 2 and its wrapped continuation. */
  readonly routingIndicators: readonly Token[];
}

/** Line 3: `DE <RI> #<SSSS>[/<nn>] <DDD><HHMM>`. */
export interface DeLine {
  readonly range: Range;
  readonly prosign: Token;
  /** Originating station routing indicator. */
  readonly station?: Token;
  /** Station serial number without `#`. */
  readonly serial?: NumberToken;
  /** Section number after `/`. */
  readonly section?: NumberToken;
  /** Julian day of year, `DDD`. */
  readonly julianDay?: NumberToken;
  /** UTC time `HHMM` (value is HH*100+MM). */
  readonly time?: NumberToken;
  /**
   * The serial, section and time as meant where they were written with a letter l or I for the digit 1, or O for 0
   * (`#O146/0l 223l453` read as `#0146/01 2231453`): `text` as written from the `#` to the time's end, `meant` the same
   * length; the number tokens keep the text as written and hold the values meant. Absent otherwise.
   */
  readonly misread?: { readonly range: Range; readonly text: string; readonly meant: string };
}

/** Line 4: `ZNY SSSSS ZZH` or `ZNR UUUUU ZZH`. */
export interface SecurityLine {
  readonly range: Range;
  /** `ZNY` or `ZNR`. */
  readonly prosign: Token;
  /** `SSSSS`, `CCCCC`, `UUUUU`, `EEEEE`, `TTTTT`. */
  readonly group?: Token;
  /** Level the group letter stands for; `EFTO` for `EEEEE`. */
  readonly groupLevel?: Level | 'EFTO';
  /** SPECAT suffix `/AAAAA` or `/BBBBB`. */
  readonly specat?: Token;
  /** `ZZH`, `ZDK`, `ZDS`, `ZUI`, `(CCY …)` (a parenthesis is one token with all it holds). */
  readonly trailing: readonly Token[];
}

/** A date-time group, `DDHHMMZ MON YY`. */
export interface DateTimeGroup {
  readonly token: Token;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** 1-12, or 0 when the month abbreviation is unknown. */
  readonly month: number;
  /** Four-digit year (two-digit years: 00-49 → 20xx, 50-99 → 19xx). */
  readonly year: number;
  /** True when the date and time exist on the calendar and clock. */
  readonly valid: boolean;
  /** ISO 8601 UTC, `2009-05-28T08:49:00Z`, when valid. */
  readonly iso?: string;
}

/** Line 5: one or two precedence prosigns, then the DTG. */
export interface DtgLine {
  readonly range: Range;
  /** One (action) or two (action, info) prosigns: `P`, `O R`. */
  readonly prosigns: readonly Token[];
  readonly precedences: readonly (Precedence | undefined)[];
  readonly dtg?: DateTimeGroup;
  /** Groups after the DTG, when there are any: `ZDK`, `ZDS`, `(CCY …)`, `CTG #00732` (a parenthesis is one token with all it holds). */
  readonly trailing?: readonly Token[];
  /**
   * The group as meant where it was written with a letter l or I for the digit 1, or O for 0, in its numbers, or a zero
   * for the letter O in its month (`11l453Z AUG O6` read as `111453Z AUG 06`); `dtg` is decoded from it, and its token
   * keeps the text as written. Absent otherwise.
   */
  readonly misread?: string;
}

/** One addressee: `RUEHC/SECSTATE WASHDC PRIORITY 6320`. */
export interface Addressee {
  readonly range: Range;
  /**
   * `TO`, `INFO` or `XMT` when the addressee starts its line with one, or is the first after a keyword whose line
   * a printout's page header fills (`INFO PAGE 02 STATE 037566 161435Z`): then the keyword is on the line before.
   */
  readonly keyword?: Token;
  /** `ZEN/` prefix, when present. */
  readonly zen?: Token;
  readonly routingIndicator?: Token;
  /** Plain-language address. */
  readonly address?: Token;
  /** `FLASH`, `NIACT IMMEDIATE`, `IMMEDIATE`, `PRIORITY`, `ROUTINE`. */
  readonly precedence?: Token;
  /** Serial `nnnn` or `nnnn-nnnn`. */
  readonly serial?: Token;
}

/** The transmission header, when the cable has one (or the remains of one). */
export interface TransmissionHeader {
  readonly range: Range;
  readonly lines: readonly HeaderLine[];
  readonly transmissionId?: Token;
  readonly routing?: RoutingLine;
  readonly de?: DeLine;
  readonly security?: SecurityLine;
  readonly dtg?: DtgLine;
  /** `FM` keyword and the originator's plain-language address. */
  readonly from?: { readonly keyword: Token; readonly address?: Token; readonly range: Range };
  readonly to: readonly Addressee[];
  readonly info: readonly Addressee[];
  readonly xmt: readonly Addressee[];
  readonly bt: readonly Token[];
  readonly nnnn?: Token;
}

// ---------------------------------------------------------------------------
// Banner, caveats, passing lines

/** How the level was spelled on the banner. */
export type BannerForm = 'spaced' | 'unspaced' | 'unclas' | 'mixed-case' | 'damaged';

/** The classification line: `S E C R E T SECTION 01 OF 02 PARIS 000305`. */
export interface Banner {
  readonly line: number;
  readonly range: Range;
  /** The level as written (`S E C R E T`, `SS E C R E T`, `UNCLAS`). */
  readonly levelText: Token;
  /** The level read, even from a damaged spelling. */
  readonly level: Level;
  readonly form: BannerForm;
  /** `SECTION 01 OF 04`. */
  readonly section?: { readonly token: Token; readonly number: NumberToken; readonly total: NumberToken };
  /** The post or office as written (`PARIS`, `BUENOS AIRES`, `STATE`). */
  readonly post?: Token;
  /** The zero-padded message serial (`000708`). */
  readonly serial?: NumberToken;
  /** Text glued after the serial (`SIPDIS NOFORN`). */
  readonly trailing?: Token;
  /** Caveats joined to the level with slashes, as in a portion marking (`//NOFORN` in `SECRET//NOFORN PARIS 000708`). */
  readonly joined?: Token;
  /** `EFTO` after an unclassified level (`UNCLAS EFTO NOWHERE 000123`): unclassified, sent encrypted. */
  readonly efto?: Token;
  /** True for every banner after the first (repeated per section or duplicated block). */
  readonly repeated: boolean;
  /**
   * True for a banner being typed, whose serial is not written whole yet: a post and at most two digits of the serial
   * (`C O N F I D E N T I A L NOWHERE`, `… NOWHERE 00`) or a section being typed (`S E C R E T SECTION 01 OF`).
   */
  readonly typing?: true;
  /**
   * True where the level is read from a letter misread as a look-alike (`S E C R F T`, `G O N F I D E N T I A L`) or a digit
   * for a letter other than the O a zero stands for (`5 E C R E T`, `CONF1DENTIAL`): which level was meant is the reader's
   * guess, so its respelling is a fix the user chooses, never a safe one.
   */
  readonly misread?: true;
}

/** A caveat or caption: `NOFORN`, `SIPDIS`, `SENSITIVE`, `EXDIS`. */
export interface Caveat {
  readonly token: Token;
  /** Upper-case normal form (`Sipdis` → `SIPDIS`, `SECRET//NOFORN` → `NOFORN`). */
  readonly name: string;
}

// ---------------------------------------------------------------------------
// Metadata block

/** How the DECL value reads. */
export type DeclKind =
  | 'date' // a calendar date in any observed shape
  | 'na' // N/A
  | 'oadr' // Originating Agency's Determination Required (E.O. 12356)
  | 'gds' // General Declassification Schedule (E.O. 11652/12065)
  | 'x-code' // 25X1 … or X1 … exemption codes
  | 'downgrade' // DNG: CO <date>
  | 'declassified' // "AS AMENDED; DECLASSIFIED …", "DECLASSIFIED BY NARA …"
  | 'redacted' // X-run
  | 'text'; // anything else

/** The value after `DECL:` (or after the order when `DECL:` is missing). */
export interface Decl {
  /** `DECL:`, `decl:`, `DECLl:`, `Declassify on`; absent when the value follows the order directly. */
  readonly keyword?: Token;
  readonly value: Token;
  readonly kind: DeclKind;
  /** For `date` and `downgrade` (and `gds` with a date): the date, when it is a real date. */
  readonly date?: CalendarDate;
  /** For `date`: true when the numbers are not a real date (month 13, 31 June). */
  readonly impossible?: boolean;
  /**
   * For `date`: the value as meant when a letter l or I stands in it for the digit 1, or O for 0 (`2O15/03/12` read as
   * `2015/03/12`), the value's length kept; the date is read from it (CBL015 reports it).
   */
  readonly misread?: string;
}

/** `E.O. 12958: DECL: 05/27/2019`. */
export interface EoLine {
  readonly line: number;
  readonly range: Range;
  /** `E.O.`, `EO`, `E.o.`, `E.0.`. */
  readonly keyword: Token;
  /** The order number as written (`12958`). */
  readonly order?: Token;
  /**
   * The label and order written again after the order (`E.O. 12958: E.O. 12958: DECL: …`), up to its colon: the DECL
   * value is read after it. Only a copy of the same order is one.
   */
  readonly repeated?: Token;
  /**
   * The DECL value, on the E.O. line or wrapped onto the line right under it (`E.O. 12958:` ⏎ `DECL: 03/07/2019`), whose
   * tokens are then on that line and which `range` then spans; under a DECL keyword that gives none, the keyword written
   * again with its value (`E.O. 12958: DECL:` ⏎ `DECL: 12/31/2019`), the value with that line's keyword; and free text
   * before a TAGS field on the line under a DECL keyword that gives none (`E.O. 12958: DECL:` ⏎ `1.6X5 FERRY TAGS: PREL`).
   */
  readonly decl?: Decl;
}

/** One entry of the TAGS field. */
export interface Tag {
  /** The code as written, without markdown-link debris (`MARR` in `[MARR](#)`, `prel`). */
  readonly token: Token;
  /** Upper-case code (`PREL`); for a person, the name as written. */
  readonly code: string;
  /** `code` for a TAG; `person` for a name after OVIP-style tags (`CLINTON HILLARY`). */
  readonly role: 'code' | 'person';
}

/** `TAGS: PREL MOPS MARR NATO FR AF`, possibly wrapped. */
export interface TagsField {
  readonly range: Range;
  /** `TAGS:`, `TAGS`, `Tags:`, `TAG:`. */
  readonly keyword: Token;
  readonly tags: readonly Tag[];
}

/** `SUBJECT: …`, possibly wrapped. */
export interface SubjectField {
  readonly range: Range;
  /** `SUBJECT:`, `Subject:`, `SUBJ:`. */
  readonly keyword: Token;
  /** The subject text, lines joined with single spaces and trimmed. */
  readonly text: string;
  /** The text on each line, as tokens. */
  readonly parts: readonly Token[];
  /** Its portion marking: a leading one, `SUBJECT: (S) …`, or one ending its last line, `… of proliferation concern (s)` (09STATE4134), which is no part of `text` or `parts`. */
  readonly portion?: PortionMarking;
}

/** A cable citation parsed from a REF item: `08 RIO DE JAN 138`. */
export interface Citation {
  /** Four-digit year, when the citation gives one. */
  readonly year?: number;
  /** Post as written, upper-cased (`RIO DE JAN`, `STATE`). */
  readonly post: string;
  readonly number: number;
  /**
   * The serial as written when a letter l or I stands in it for the digit 1, or O for 0 (`4l2` of `09 LISBON 4l2`, read as
   * 412, and `4l2` of the canonical id `09LISBON4l2`), for CBL052; `number` is the serial meant. The serial's characters end
   * the citation's text.
   */
  readonly misread?: string;
  /**
   * The year as written when a letter l or I stands in it for the digit 1, or O for 0 (`O9` of `O9 LISBON 412` and of
   * `O9LISBON412`, read as 2009), for CBL052; `year` is the year meant. The year's characters open the citation's text.
   */
  readonly misreadYear?: string;
}

/** One REF item: letter, citation and trailing labels. */
export interface RefItem {
  readonly range: Range;
  /** The letter as written (`A.`, `A)`, `(A)`, `¶B.`). */
  readonly letterToken?: Token;
  /** Upper-case letter (`A`); past `Z`, the letter written twice (`AA`, `BB`: {@link refLetterOrdinal}). */
  readonly letter?: string;
  /**
   * The same letter written once more before the letter, on its line (`A.` of `A. (A) PARIS 7682`, `¶B.` of
   * `¶B. B) MADRID 156`): the release lettered the items again in front of the cable's own letters. It is part of the
   * item (its range starts there); `letterToken` is the cable's own letter, after it.
   */
  readonly doubledLetter?: Token;
  /**
   * The citation text (`MADRID 707`, `EMBASSY MADRID E-MAIL OF OCTOBER 14`). A citation wrapped onto
   * the next line (`(E) 2008` ⏎ `ISTANBUL 146`) spans both lines; its text joins them with one space
   * (none after a hyphen that ends a word: `U.S.-` ⏎ `RUSSIA`).
   */
  readonly citation: Token;
  /** Parsed when the citation is a cable citation. */
  readonly cable?: Citation;
  /**
   * Canonical id of the cited cable (`09PARIS708`); a citation without a year
   * takes the year of the citing cable, or the year before when it names the
   * citing cable's post with a higher number. Undefined when that year is unknown.
   */
  readonly id?: string;
  /** Trailing labels such as `(NOTAL)` or `(EXDIS)`, and a portion marking after the citation (`(C/NF)`). */
  readonly labels: readonly Token[];
  /**
   * The portion marking that opens the item, after its letter or opening the field (`(U)` of `A. (U) 09PARIS123`, `(C)` of
   * `REF: A) (C) STATE 1234` and of `REF: (C) STATE 1234`, `(S/NF)` of `¶B. (S/NF) STATE 30122`), which is no part of the
   * citation: its level, controls and range. Set only on the items that have one; a marking after the citation is a label.
   */
  readonly marking?: PortionMarking;
}

/** `REF:`, `REFS:`, `REFTEL:` and its items. */
export interface RefField {
  readonly range: Range;
  readonly keyword: Token;
  readonly items: readonly RefItem[];
}

/** `Classified By: <classifier> for reasons 1.4 (b) and (d).` */
export interface ClassifiedBy {
  readonly range: Range;
  /** `Classified By:`, `CLASSIFIED BY`, `DERIVED FROM:`. */
  readonly keyword: Token;
  /**
   * The classifier's name and title, as far as it could be separated. When it wraps onto the
   * next lines, its text is the lines' parts joined with single spaces and its range spans them.
   */
  readonly classifier?: Token;
  /** The order section cited, `1.4` or `1.5` (also written `1:4`, `1/4`). */
  readonly section?: Token;
  /** Normalised section, `1.4`/`1.5`. */
  readonly sectionValue?: string;
  /** Each reason letter, with its own range. */
  readonly reasons: readonly Token[];
  /** Lower-case reason letters in order (`['b', 'd']`). */
  readonly reasonLetters: readonly string[];
  /** `Derived from …` rather than an original classifier. */
  readonly derived: boolean;
}

// ---------------------------------------------------------------------------
// Body

/**
 * A portion marking: `(S/NF)`, `(C//REL TO USA, FVEY)`, `(SBU)`, `(U//FOUO)`.
 */
export interface PortionMarking {
  /** The marking with its parentheses. */
  readonly token: Token;
  /** The text inside the parentheses. */
  readonly inner: Token;
  /** The level read; undefined when the marking is not understood. */
  readonly level?: Level;
  /** True for SBU (level UNCLASSIFIED). */
  readonly sbu: boolean;
  /** Normalised dissemination controls: `NF`, `REL NATO`, `FGI`, `FOUO`, `ENTIRE TEXT`. */
  readonly controls: readonly string[];
  /** False for typos and unknown spellings (`(N/SF)`, `(SNF)`). */
  readonly wellFormed: boolean;
  /**
   * For a paragraph's marking split by a line break (`2. (C` ⏎ `) The pier …`, `4. (` ⏎ `C) …`), its two pieces as written, on the
   * number's line and the next; absent otherwise. Its `token` then spans both lines and its text is the marking joined (`(C)`),
   * which is not the text of that range; CBL028 reports it and offers the join.
   */
  readonly split?: readonly [Range, Range];
}

/** How a paragraph number was written. */
export type MarkerStyle = 'pilcrow' | 'pilcrow-space' | 'bare';

/** A numbered paragraph: `¶2. (S/NF) Both Araud and …`. */
export interface Paragraph {
  /**
   * From the marker to the end of the paragraph's last non-blank line, or to the sentence's end right before the marker of a
   * paragraph glued after it on that line (`… was working. 16. (C) On fares, …`, whose range starts mid-line).
   */
  readonly range: Range;
  /** The whole marker as written: `¶2.`, `¶ 13.`, `1.`, `3..`. */
  readonly marker: Token;
  /** The number token inside the marker. */
  readonly numberToken: NumberToken;
  /** The number as written. */
  readonly number: number;
  /**
   * The number meant, where the pilcrow artifact turned `¶3.` into `¶ 13.`
   * or `13.`; otherwise equal to `number`.
   */
  readonly readAs: number;
  readonly style: MarkerStyle;
  /**
   * The marker as meant, where a letter was typed or scanned for a digit or for the pilcrow, or a comma for the full stop after
   * a pilcrow (`l.` for `1.`, `P2.` and `q2.` for `¶2.`, `¶4,` for `¶4.`); absent otherwise. A digit misread numbers a paragraph
   * only before a portion marking and as the next number; a pilcrow misread as `¶` would, but before no marking only on a fresh
   * line or as the next number after a sentence's end (CBL046).
   */
  readonly misread?: string;
  /** The marking right after the number, or after a block label: `¶1. Summary: (C) …`. */
  readonly portion?: PortionMarking;
  /**
   * For a title paragraph with no marking of its own (`¶5. Financing Issues`), the marking its
   * first item opens with (`¶A. (S/NF) …`, `-- (S) …`): the items carry the markings.
   */
  readonly itemPortion?: PortionMarking;
  /** The first words of the text after the marking (for outlines); a signature glued to the line is none of them. */
  readonly firstWords: string;
  /** Index into {@link Cable.headings} of the heading the paragraph sits under. */
  readonly heading?: number;
}

/**
 * A portion marking that opens a body line other than a paragraph's first line, the subject's or a repeated field's: an item's
 * after its label (`¶B. (S/NF) USG Concern: …`, `A. (S/REL NATO) …`, `-- (S) …`, `(a) (C) …`, `1) (U) …`, `* (C) …`, `Q10. (S/NF) …`), a line's
 * inside a paragraph (`(S/NF) Response: …`), or a sub-title's (`(SBU) Key Elements of …`, a heading's included). Only a marking that names a
 * level is one: `(EU) was …` wrapped to a line's start is prose, as is a list's `(c) sense that …`.
 */
export interface ItemMarking {
  /** The marking, as a paragraph's is read. */
  readonly portion: PortionMarking;
  /** The item's label before the marking (`¶B.`, `A.`, `--`, `(a)`, `1)`, `Q10.`), when there is one. */
  readonly label?: Token;
}

/** A heading between paragraphs. */
export interface Heading {
  /** From the upper rule or the text to the lower rule or the text, a page line between them included. */
  readonly range: Range;
  /** The heading words, without dashes or slashes; of a title wrapped over two lines, its last line. */
  readonly text: Token;
  /** The first line of a title wrapped over two lines ("Category 2: Accords related to, but not exclusively" ⏎ "drug-focused"). */
  readonly lead?: Token;
  readonly style: 'plain' | 'underlined' | 'boxed' | 'slashes' | 'dashed-inline';
  /** Rule lines that belong to the heading (dashes above and/or below). */
  readonly rules: readonly Range[];
  /**
   * The portion marking that ends the title (`BACKGROUND (U)`): the heading's, not part of `text`, which the marking rules read
   * as a portion's. Set only where there is one. A title that also opens with a marking (`(C) BACKGROUND (S)`) has both: the
   * opening one stays in `text` and is an item marking ({@link Cable.itemMarkings}), this one the ending (CBL029 reports the two).
   * Of a title wrapped over two lines, the opening one stays in `lead` (`(C) RELATIONS WITH THE HARBOR` ⏎ `AUTHORITY (S)`). A title
   * between slashes is read alike, inside them (`//(C) LOOKING AHEAD (S/NF)//`, or wrapped over two lines).
   */
  readonly marking?: PortionMarking;
}

/** `Summary:`/`End Summary.`, `Comment:`/`End Comment.`, `Note:`/`End Note.`. */
export interface BlockMarker {
  readonly kind: 'summary' | 'comment' | 'note';
  readonly role: 'open' | 'close';
  readonly token: Token;
}

/** An opener paired with its closer (either may be missing). */
export interface Block {
  readonly kind: 'summary' | 'comment' | 'note';
  readonly open?: BlockMarker;
  readonly close?: BlockMarker;
  /** From the opener (or the closer's paragraph) to the closer (or the end of its paragraph). */
  readonly range: Range;
}

/**
 * A continuation-page line: `PARIS 00000305 002 OF 002`, possibly inside a text line; or one alone on its line whose numbers
 * a scan damaged (`VALLETTA 0000O412 002 OF 002`, `damaged`).
 */
export interface PageLine {
  /** The marker itself (not the whole line). */
  readonly token: Token;
  readonly post: Token;
  /**
   * The serial, page and total, as written, with their values. On a `damaged` line a number with a letter O for 0 or l or I
   * for 1 has the value meant (`0000O412` is 412), and one the damage left unreadable (`0000#412`, `0#2`) is absent; on
   * any other line all three are there.
   */
  readonly serial?: NumberToken;
  readonly page?: NumberToken;
  /** The `.n` of `001.2`. */
  readonly subpage?: number;
  readonly total?: NumberToken;
  /** True when the marker sits inside a line of text. */
  readonly inline: boolean;
  /** Set on a page line whose numbers were damaged, one or two characters of them no digit or a serial a digit short or long, which the page pattern does not read. */
  readonly damaged?: true;
}

/** An old printout page header: `PAGE 02 HARARE 06677 01 OF 03 291400Z`. */
export interface OldPageHeader {
  readonly token: Token;
  readonly page: number;
}

/**
 * The signature: the last line, or a surname glued to the end of it. The last line is the one before a
 * trailing elision (`...`), a web-site footer (`Visit … Classified Web Site at http://…`) or
 * `End Cable Text`; a name after such a footer's link on its own line is glued.
 */
export interface Signature {
  readonly token: Token;
  /** True when the name shares its line with text ("… End comment. THORNBURY"). */
  readonly glued: boolean;
  /** The name written once more above it, alone between blank lines (`HALLORAN` ⏎ `` ⏎ `HALLORAN`): it signs too. */
  readonly twice?: Token;
}

/**
 * The lines that close the transmission after the cable's text (FORMAT.md §1, ACP 127 format lines 13 to 16):
 * `BT` (break), the end-of-message validation line that repeats the station serial after `#` (`#0708`)
 * and `NNNN` (end of message), with blank lines between them. "BT" and "NNNN" are read in any order and
 * number; the serial only between a `BT` and an `NNNN`. A web-site footer or a mail system's trailer
 * after the signature is no part of it: the signature is read before both.
 */
export interface Trailer {
  /** From the first trailer line's text to the last's. */
  readonly range: Range;
  /** `BT` lines, in line order. */
  readonly bt: readonly Token[];
  /** The end-of-message validation line. */
  readonly eom?: EomLine;
  /** `NNNN` lines, in line order. */
  readonly nnnn: readonly Token[];
}

/** The end-of-message validation line: the DE line's station serial repeated after `#`. */
export interface EomLine {
  /** `#0708`, without the white space around it. */
  readonly token: Token;
  /** The serial without `#`, as {@link DeLine.serial} (`0708`, value 708). */
  readonly serial: NumberToken;
}

/** A heading-delimited section of the body, for outlines and folding. */
export interface Section {
  /** Index into {@link Cable.headings}; undefined for the paragraphs before the first heading. */
  readonly heading?: number;
  readonly range: Range;
  /** Indices into {@link Cable.paragraphs}. */
  readonly paragraphs: readonly number[];
}

// ---------------------------------------------------------------------------
// The whole cable

/** A parsed cable. Produced by `parseCable`; read by every rule and feature. */
/**
 * A metadata field written a second time (`SUBJECT: FERRY TALKS` ⏎ `SUBJECT: PIER FEES`, `REF: A. STATE 12` ⏎ `REF: A. PARIS
 * 7`), the first being the cable's.
 */
export interface RepeatedField {
  /** Which field: `SUBJECT`, `REF` or `Classified By`. */
  readonly field: 'SUBJECT' | 'REF' | 'Classified By';
  /** The keyword as written (`SUBJECT:`). */
  readonly keyword: Token;
  /** What it gives after its keyword, its wrapped lines joined with one space each; empty where it gives nothing. */
  readonly text: string;
  /** From its keyword to the end of its last line. */
  readonly range: Range;
}

/** A scan's margin that opens every line of a cable (`| `, `01 `), which the parser read the cable without (`parse/margin.ts`). */
export interface Margin {
  /** `bar` for `| `, `numbers` for line numbers. */
  readonly kind: 'bar' | 'numbers';
  /** How many characters of a line it takes at most: every line with one has it in `[0, width)`. */
  readonly width: number;
  /**
   * How many characters of each of {@link lines} it takes, in the same order: `width` on every line but a shorter line of the
   * margin alone, where it stands at one width; each line's number and its space where the numbers stand at two widths and
   * the text with them (`9 PP` ⏎ `10 DE`).
   */
  readonly widths: readonly number[];
  /** The lines that carry it, in line order (a blank line may carry none, and so may a few lines typed without it: `readMargin`). */
  readonly lines: readonly number[];
}

export interface Cable {
  /**
   * The document's text as given, a scan's margin included where it has one ({@link Cable.margin}): the parser read a copy
   * with the margin written as spaces, the same length, so every range holds in this text, and the fixes, a rename's
   * check and the preview work on the document as it is.
   */
  readonly text: string;
  /** The document's lines, without line terminators (a scan's margin included, as in `text`). */
  readonly lines: readonly string[];
  /** The first line terminator in the text (`\n` when there is none), for fixes that insert lines. */
  readonly eol: string;
  /** What each line is (same length as `lines`). */
  readonly lineKinds: readonly LineKind[];
  readonly preamble: readonly PreambleLine[];
  readonly header?: TransmissionHeader;
  /**
   * `C O R R E C T E D C O P Y (ADDED TAGS)` lines, and the line under a notice that says nothing more when it says what was
   * corrected (`C O R R E C T E D COPY` ⏎ `CLASSIFICATION MISMATCH ERROR IN PARAGRAPH 8`), in line order.
   */
  readonly correctedCopy: readonly Token[];
  /** The first banner. */
  readonly banner?: Banner;
  /** Every banner, the first included, in document order. */
  readonly banners: readonly Banner[];
  readonly caveats: readonly Caveat[];
  /** Office/passing lines (`DEPARTMENT FOR EUR/NCE`, `NSC FOR …`). */
  readonly passingLines: readonly Token[];
  readonly eo?: EoLine;
  readonly tags?: TagsField;
  readonly subject?: SubjectField;
  readonly refs?: RefField;
  readonly classifiedBy?: ClassifiedBy;
  /**
   * Lines among the metadata fields that are no field nor part of one, each right under a field's line with a field not
   * read yet right under it (at most two in a row, no blank line among them), passed over so that the fields under them are
   * read: `E.O. 12958: DECL: 05/14/2019` ⏎ `FOR THE FERRY DESK` ⏎ `TAGS: PREL`. Their line kind stays `text`; CBL037 reports
   * each. Also the text before a field's keyword on a line after the first field that no field reads (`DECL: 1.6X5 FERRY`
   * of `DECL: 1.6X5 FERRY TAGS: PREL` under a whole E.O. line), a token that ends where the keyword starts, its line the
   * field's.
   */
  readonly strayFieldLines: readonly Token[];
  /**
   * A second SUBJECT, REF or Classified By field among the metadata fields, after the first, in line order: the first is the
   * cable's (`subject`, `refs`, `classifiedBy`), and the second's value, with the lines it wraps onto, is kept here rather
   * than lost or run into the first's (a second REF's items are no items of `refs`); CBL037 names it. A REF keyword written
   * again before the next letter of the first's list (`REF: A. STATE 12` ⏎ `REF: B. PARIS 7`) goes on with the first, and
   * is none. Empty on almost every cable.
   */
  readonly repeatedFields: readonly RepeatedField[];
  /** The lines from the banner to the line before the body, when there is a banner. */
  readonly metadataRange?: Range;
  /** First line of the body (after the metadata block). */
  readonly bodyStartLine: number;
  readonly paragraphs: readonly Paragraph[];
  /** The markings that open items and lines inside the body (see {@link ItemMarking}), in document order. */
  readonly itemMarkings: readonly ItemMarking[];
  readonly headings: readonly Heading[];
  /**
   * The tables, from the rule over the caption to the rule that closes the rows ("-----" ⏎ "Harbor Dues 2009" ⏎ "-----" ⏎
   * "Port Owner Dues" ⏎ "-----" ⏎ rows ⏎ "-----"), in line order: no heading, and folded whole.
   */
  readonly tables: readonly Range[];
  readonly sections: readonly Section[];
  readonly blockMarkers: readonly BlockMarker[];
  readonly blocks: readonly Block[];
  readonly pageLines: readonly PageLine[];
  readonly oldPageHeaders: readonly OldPageHeader[];
  /** X-runs (`XXXXXXXXXXXX`, `xxxxx`). */
  readonly redactions: readonly Token[];
  readonly signature?: Signature;
  /** `BT`, `#0708` and `NNNN` closing the transmission after the text. */
  readonly trailer?: Trailer;
  /** Canonical id (`09PARIS708`), from banner post and serial (or DE serial) and the year of the DTG or date line. */
  readonly id?: string;
  /** The cable's date: DTG date, else date line. */
  readonly date?: CalendarDate;
  readonly problems: readonly ParseProblem[];
  /**
   * A scan's margin opening every line (`| S E C R E T …`, `01 VZCZC…`), which the parser read as blank: it parsed the text
   * with that margin written as spaces, the same length, so that every range holds in the document (`text` and `lines`
   * are the document's, the margin in them).
   */
  readonly margin?: Margin;
}
