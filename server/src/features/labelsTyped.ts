/**
 * The fields' labels as a line starts to write them (`E.O. 1`, `Class`), which the parser reads as a passing line, a
 * signature or text until the label is whole: the hover says which field is being typed, and the diagnostics hold back
 * the finding of that field missing while its label is typed.
 */

/** A label, the field's name and a whole line of it for the hover, and the rule that reports the field missing. */
export interface LabelTyped {
  readonly label: string;
  readonly field: string;
  readonly example: string;
  readonly missing?: string;
}

const LABELS: readonly LabelTyped[] = [
  { label: 'E.O. 12958:', field: 'E.O. line', example: 'E.O. 12958: DECL: 03/14/2019', missing: 'CBL012' },
  { label: 'E.O. 13526:', field: 'E.O. line', example: 'E.O. 13526: DECL: 03/14/2036', missing: 'CBL012' },
  { label: 'TAGS:', field: 'TAGS line', example: 'TAGS: PREL PGOV FR', missing: 'CBL017' },
  { label: 'SUBJECT:', field: 'SUBJECT line', example: 'SUBJECT: HARBOR BOARD WEIGHS A FERRY LINE', missing: 'CBL019' },
  { label: 'REF:', field: 'REF field', example: 'REF: A. STATE 4567' },
  { label: 'CLASSIFIED BY:', field: 'Classified By line', example: 'Classified By: Ambassador Name for reasons 1.4 (b) and (d).', missing: 'CBL020' },
];

/** The labels a line's text begins to write, in any case, from two characters on (`E.O. 1`: both E.O. orders); none for less. */
export function labelsBegun(text: string): readonly LabelTyped[] {
  const typed = text.trim().toUpperCase();
  return typed.length >= 2 ? LABELS.filter((f) => f.label.startsWith(typed)) : [];
}
