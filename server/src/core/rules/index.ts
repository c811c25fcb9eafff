/**
 * Every rule, in id order. Ids are stable and never reused: a retired rule
 * stays here as a comment (markdownlint `lib/rules.mjs` keeps `md002` so).
 */
import { rule as cbl001 } from './cbl001-header-line-malformed';
import { rule as cbl002 } from './cbl002-header-order';
import { rule as cbl003 } from './cbl003-routing-indicator-malformed';
import { rule as cbl004 } from './cbl004-dtg-invalid';
import { rule as cbl005 } from './cbl005-de-serial-mismatch';
import { rule as cbl006 } from './cbl006-julian-day-mismatch';
import { rule as cbl007 } from './cbl007-security-group-mismatch';
import { rule as cbl008 } from './cbl008-precedence-mismatch';
import { rule as cbl009 } from './cbl009-section-mismatch';
import { rule as cbl010 } from './cbl010-banner-missing';
import { rule as cbl011 } from './cbl011-banner-malformed';
import { rule as cbl012 } from './cbl012-eo-line-missing';
import { rule as cbl013 } from './cbl013-eo-order-unknown';
import { rule as cbl014 } from './cbl014-eo-na-on-classified';
import { rule as cbl015 } from './cbl015-decl-invalid';
import { rule as cbl016 } from './cbl016-decl-before-cable';
import { rule as cbl017 } from './cbl017-tags-missing';
import { rule as cbl018 } from './cbl018-tags-duplicate';
import { rule as cbl019 } from './cbl019-subject-missing';
import { rule as cbl020 } from './cbl020-classified-by-missing';
import { rule as cbl021 } from './cbl021-classified-by-on-unclassified';
import { rule as cbl022 } from './cbl022-classification-reason-invalid';
import { rule as cbl023 } from './cbl023-ref-letter-sequence';
import { rule as cbl024 } from './cbl024-paragraph-number-sequence';
import { rule as cbl025 } from './cbl025-paragraph-number-duplicate';
import { rule as cbl026 } from './cbl026-pilcrow-artifact';
import { rule as cbl027 } from './cbl027-block-unbalanced';
import { rule as cbl028 } from './cbl028-portion-marking-missing';
import { rule as cbl029 } from './cbl029-portion-marking-malformed';
import { rule as cbl030 } from './cbl030-portion-marking-above-banner';
import { rule as cbl031 } from './cbl031-banner-above-portions';
import { rule as cbl032 } from './cbl032-noforn-caveat-missing';
import { rule as cbl033 } from './cbl033-page-line-mismatch';
import { rule as cbl034 } from './cbl034-page-line-sequence';
import { rule as cbl035 } from './cbl035-invisible-character';
import { rule as cbl036 } from './cbl036-caveat-conflict';
import { rule as cbl037 } from './cbl037-header-field-order';
import { rule as cbl038 } from './cbl038-decl-on-unclassified';
import { rule as cbl039 } from './cbl039-banner-section-invalid';
import { rule as cbl040 } from './cbl040-xyz-routing-mismatch';
import { rule as cbl041 } from './cbl041-eo-order-after-cable';
import { rule as cbl042 } from './cbl042-secretary-signature-date';
import { rule as cbl043 } from './cbl043-file-name-mismatch';
import { rule as cbl044 } from './cbl044-tags-run-on';
import { rule as cbl045 } from './cbl045-reference-unresolved';
import { rule as cbl046 } from './cbl046-paragraph-number-misread';
import { rule as cbl047 } from './cbl047-page-number-stray';
import { rule as cbl048 } from './cbl048-decl-past-25-years';
import { rule as cbl049 } from './cbl049-label-punctuation';
import { rule as cbl050 } from './cbl050-host-country-tag-missing';
import { rule as cbl051 } from './cbl051-tag-misread';
import { rule as cbl052 } from './cbl052-ref-serial-misread';
import { rule as cbl053 } from './cbl053-ref-cites-later-cable';
import { rule as cbl054 } from './cbl054-cited-paragraph-missing';
import { rule as cbl055 } from './cbl055-line-repeated';
import type { Rule } from './types';

/** All rules, in id order. */
export const allRules: readonly Rule[] = [
  cbl001,
  cbl002,
  cbl003,
  cbl004,
  cbl005,
  cbl006,
  cbl007,
  cbl008,
  cbl009,
  cbl010,
  cbl011,
  cbl012,
  cbl013,
  cbl014,
  cbl015,
  cbl016,
  cbl017,
  cbl018,
  cbl019,
  cbl020,
  cbl021,
  cbl022,
  cbl023,
  cbl024,
  cbl025,
  cbl026,
  cbl027,
  cbl028,
  cbl029,
  cbl030,
  cbl031,
  cbl032,
  cbl033,
  cbl034,
  cbl035,
  cbl036,
  cbl037,
  cbl038,
  cbl039,
  cbl040,
  cbl041,
  cbl042,
  cbl043,
  cbl044,
  cbl045,
  cbl046,
  cbl047,
  cbl048,
  cbl049,
  cbl050,
  cbl051,
  cbl052,
  cbl053,
  cbl054,
  cbl055,
];

const byKey = new Map<string, Rule>();
for (const r of allRules) {
  byKey.set(r.id.toUpperCase(), r);
  byKey.set(r.name, r);
}

/** Finds a rule by id (`CBL007`, any case) or name (`portion-marking-missing`). */
export function ruleByIdOrName(key: string): Rule | undefined {
  return byKey.get(key.toUpperCase()) ?? byKey.get(key.toLowerCase());
}

/** Where a rule's page lives. */
export function ruleDocUrl(id: string): string {
  return `https://github.com/vscode-cable/vscode-cable/blob/main/docs/rules/${id.toLowerCase()}.md`;
}
