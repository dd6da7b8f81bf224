const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An auditor's "as of": an ISO 8601 instant, or a calendar date meaning the end of that day (UTC), so
 * "valid on 2025-03-01" counts everything that happened that day. Undefined when the text is neither.
 */
export function auditInstant(text: string): string | undefined {
  const value = DATE_ONLY.test(text) ? `${text}T23:59:59.999Z` : text;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(text) ? undefined : date.toISOString();
}
