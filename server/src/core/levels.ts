/**
 * Classification levels and precedences: ordering and the letters that stand for them.
 * Sources: ../shared/reference/markings.tsv (levels), header-codes.tsv (security groups, prosigns).
 */
import type { Level, Precedence } from './model';
import { upperCase } from './text';

/** Levels, lowest first. */
export const LEVELS: readonly Level[] = ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'];

/** 0 for UNCLASSIFIED up to 3 for TOP SECRET. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The portion-marking abbreviation: `U`, `C`, `S`, `TS`. */
export function levelAbbreviation(level: Level): string {
  return level === 'TOP SECRET' ? 'TS' : level[0];
}

/** The level a portion-marking letter (`U`, `C`, `S`, `TS`) or a security-group letter stands for. */
export function levelFromLetter(letter: string): Level | undefined {
  switch (upperCase(letter)) {
    case 'U':
      return 'UNCLASSIFIED';
    case 'C':
      return 'CONFIDENTIAL';
    case 'S':
      return 'SECRET';
    case 'T':
    case 'TS':
      return 'TOP SECRET';
    default:
      return undefined;
  }
}

/** Precedence prosign letters: `Z` FLASH, `O` IMMEDIATE, `P` PRIORITY, `R` ROUTINE, `Y` emergency command. */
export function precedenceFromLetter(letter: string): Precedence | undefined {
  switch (upperCase(letter)) {
    case 'Z':
      return 'FLASH';
    case 'O':
      return 'IMMEDIATE';
    case 'P':
      return 'PRIORITY';
    case 'R':
      return 'ROUTINE';
    case 'Y':
      return 'EMERGENCY COMMAND';
    default:
      return undefined;
  }
}

/** Precedences, lowest first (for "info precedence not higher than action precedence"). */
const PRECEDENCES: readonly Precedence[] = ['ROUTINE', 'PRIORITY', 'IMMEDIATE', 'FLASH', 'EMERGENCY COMMAND'];

/** 0 for ROUTINE up to 4 for EMERGENCY COMMAND. */
export function precedenceRank(precedence: Precedence): number {
  return PRECEDENCES.indexOf(precedence);
}
