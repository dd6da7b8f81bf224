import type { JsonObject } from '../data-integrity/types';

/** Longest text one element or line of a credential may contribute; the signed credential stays the full record. */
export const MAX_PLAIN_TEXT = 4_000;

/** The value as an object, or undefined for anything else (arrays included). */
export const objectOf = (v: unknown): JsonObject | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;

/** The value as a list: one value becomes a list of one, nothing an empty list. */
export const listOf = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/**
 * A string or finite number as one line of readable text: control characters (NUL included) and runs of white
 * space become one space, broken surrogate pairs become U+FFFD, and text longer than `max` ends in an ellipsis.
 * Anything else is the empty string.
 */
export function plainText(v: unknown, max = MAX_PLAIN_TEXT): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v !== 'string') return '';
  // Bound the work on huge values before the regular expressions walk them.
  const head = v.length > max * 2 ? v.slice(0, max * 2) : v;
  const line = head.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).toWellFormed()}…` : line.toWellFormed();
}

const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** An XSD date-time as a date people read ("30 June 2025", UTC); other text as it is. */
export function plainDate(v: unknown): string {
  const time = typeof v === 'string' ? Date.parse(v) : Number.NaN;
  return Number.isNaN(time) ? plainText(v) : DATE.format(time);
}

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** The English name of an ISO 3166-1 alpha-2 country code ("DE" is Germany); other text as it is. */
export function countryName(code: unknown): string {
  const text = plainText(code, 100);
  if (!/^[A-Za-z]{2}$/.test(text)) return text;
  const name = REGIONS.of(text.toUpperCase());
  return name && name !== 'Unknown Region' ? name : text;
}
