import type { EqfLevel } from './definition-types';

const EQF_BASE = 'http://data.europa.eu/snb/eqf/';

/** The EU vocabulary URI of an EQF level, `http://data.europa.eu/snb/eqf/<n>`. */
export function eqfLevelUri(level: EqfLevel): string {
  if (!isEqfLevel(level)) throw new RangeError(`EQF level must be an integer from 1 to 8, got ${String(level)}`);
  return `${EQF_BASE}${level}`;
}

/** The level an EQF URI names, or undefined when it is not one of the eight. */
export function eqfLevelOfUri(uri: unknown): EqfLevel | undefined {
  if (typeof uri !== 'string' || !uri.startsWith(EQF_BASE)) return undefined;
  const tail = uri.slice(EQF_BASE.length);
  return /^[1-8]$/.test(tail) ? (Number(tail) as EqfLevel) : undefined;
}

/** Whether a value is an EQF level 1 to 8. */
export function isEqfLevel(value: unknown): value is EqfLevel {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8;
}

/** The European Credit Transfer and Accumulation System concept in the EU vocabulary, as ELM uses it. */
export const ECTS_FRAMEWORK_URI = 'http://data.europa.eu/snb/education-credit/6fcec5c5af';
