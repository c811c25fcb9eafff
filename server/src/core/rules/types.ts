/**
 * The shapes shared by rules, the linter, the language server and the CLI.
 *
 * A rule reads a parsed {@link Cable} and reports findings. A finding may
 * carry fixes: plain text edits in document coordinates, so that the editor
 * (code actions, Fix All) and `cablelint --fix` apply the same edits.
 */
import type { Cable, Range } from '../model';

/** Severity of a finding. `off` in configuration disables the rule. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A configured severity: a {@link Severity} or `off`. */
export type RuleSetting = Severity | 'off';

/** One text replacement. Offsets are LSP positions in the document the finding came from. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A way to repair a finding. */
export interface Fix {
  /** Shown in the light-bulb menu, e.g. `Renumber ¶ 13. as ¶3.`. */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /**
   * True when Fix All (`source.fixAll.cable`) and `cablelint --fix` may apply
   * it without asking. A safe fix never adds, raises or lowers a
   * classification and never invents a marking.
   */
  readonly safe: boolean;
  /**
   * The fix the editor should offer first, which VS Code's Auto Fix applies without showing it: never one that
   * adds, raises or lowers a classification.
   */
  readonly preferred?: boolean;
}

/** A problem found in a cable. */
export interface Finding {
  /** Rule id, `CBL007`. */
  readonly id: string;
  /** Rule name, `portion-marking-missing`. */
  readonly name: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fixes?: readonly Fix[];
  /** Ranges elsewhere in the document that explain the finding (the banner, the other paragraph). */
  readonly related?: readonly { readonly range: Range; readonly message: string }[];
  /** True when the text of `range` adds nothing (a repeated TAG): the editor fades it (`DiagnosticTag.Unnecessary`). */
  readonly unnecessary?: boolean;
  /**
   * Which of a rule's kinds of finding this is, for the few a front end tells apart ({@link FindingKind}), so that none
   * reads its message's words; absent for the rest.
   */
  readonly kind?: FindingKind;
}

/**
 * The kinds of finding a front end tells apart within one rule: CBL018's comma after the last TAG (`trailing-comma`, held
 * while the next TAG is typed, not its repeated TAG) and CBL027's Summary, Comment or Note opened without its closer
 * (`unclosed`, held while the line under it reads as the signature); CBL002's format line after a later one
 * (`out-of-order`, never held: no line still to come puts it right); CBL037's line among the fields that is none of them
 * (`stray-line`, held while it is the line being typed: a field's label begun between two fields, `SUB` over `Classified By:`).
 */
export type FindingKind = 'trailing-comma' | 'unclosed' | 'out-of-order' | 'stray-line';

/** What a rule's `check` receives to report with. */
export type Report = (finding: {
  readonly message: string;
  readonly range: Range;
  readonly fixes?: readonly Fix[];
  readonly related?: readonly { readonly range: Range; readonly message: string }[];
  /** The text of `range` adds nothing (a repeated TAG): the editor fades it. */
  readonly unnecessary?: boolean;
  /** Which of the rule's kinds of finding this is, where a front end tells them apart ({@link Finding.kind}). */
  readonly kind?: FindingKind;
  /** Overrides the configured severity for this one finding (e.g. 1.5 after 2003 is info). */
  readonly severity?: Severity;
}) => void;

/** A validation rule, one per file as in markdownlint (`lib/md018.mjs`). */
export interface Rule {
  /** Stable id, `CBL007`. Never reused. */
  readonly id: string;
  /** Kebab-case name, `portion-marking-missing`. */
  readonly name: string;
  /** One sentence, shown in docs, SARIF and completion of rule ids. */
  readonly description: string;
  /** Groups: `header`, `banner`, `metadata`, `paragraphs`, `markings`, `pages`, `text`. */
  readonly tags: readonly string[];
  readonly defaultSeverity: Severity;
  /** True when it offers quick fixes. */
  readonly fixable: boolean;
  /**
   * True when its fixes are safe, so that Fix All and `cablelint --fix` apply them: they change
   * only the text the finding is about (with the separator or line break its removal leaves,
   * as CBL018's does) and never a classification. Other fixes wait for the user.
   */
  readonly safeFixes?: boolean;
  /** What the rule page shows: a bad line, the fix, why, and where the rule comes from. */
  readonly docs: RuleDocs;
  /** Reports what is wrong with `cable`; `context` says what is known of it besides its text. */
  check(cable: Cable, report: Report, context: LintContext): void;
}

/**
 * What the linter knows of a cable besides its text: the core does no IO, so the front ends
 * say where the text came from (the server from the document's URI, `cablelint` from the path).
 */
export interface LintContext {
  /**
   * The document's file name, or a path or URI ending in it (`07PARIS2725.txt`); only a name
   * shaped like a canonical id counts (`idFromFileName`). Absent for an untitled document.
   */
  readonly fileName?: string;
  /**
   * The TAG codes of the user dictionaries (`dictionaries` in `.cablelint.jsonc`), which the front ends
   * read: CBL044 and CBL051 count them as known TAGS, as they do the built-in ones, and CBL050 does not name one as a
   * TAG whose meaning the sources do not establish.
   */
  readonly userTags?: ReadonlySet<string>;
  /**
   * The paragraphs of the other cables the front end knows, by canonical id (`09PARIS708`): the server's workspace index,
   * a test's companion fixtures. CBL054 checks the paragraphs a REF citation's mention names ("REF A para 9") against
   * them; absent, or undefined for an id, nothing is known of that cable and nothing is reported.
   */
  readonly citedParagraphs?: (id: string) => ParagraphCopy | undefined;
}

/** What a copy of a cable tells of its paragraph numbers, for a mention of one in another cable (CBL054; `paragraphCopy` in `util.ts`). */
export interface ParagraphCopy {
  /** The numbers its paragraphs are read as (`Paragraph.readAs`), in the text's order. */
  readonly numbers: readonly number[];
  /** True when a signature or trailer ends its text: a number above the last is then none of its; else the copy may be cut short. */
  readonly ended: boolean;
}

/** The content of a rule's page in `docs/rules/`. */
export interface RuleDocs {
  /** A short bad example (invented cable lines). */
  readonly bad: string;
  /** The same lines, fixed. */
  readonly good: string;
  /** One or two sentences: why the rule exists. */
  readonly rationale: string;
  /**
   * Where the rule and its severity come from: FORMAT.md §…, CORPUS-FINDINGS figures, *.tsv tables
   * and FORMAT.md §8 keys ("[TPUB5]"), which `scripts/generate.ts` (`ruleSource`) turns into words
   * and links a reader of `docs/rules/` can follow.
   */
  readonly source: string;
}
