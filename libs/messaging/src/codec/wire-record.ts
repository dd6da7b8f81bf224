import { PoisonMessageError } from '../errors/poison-message.error';
import type { IntegrationMessage } from '../integration-bus.port';

/** A message as both adapters carry it: the partition key, a JSON payload and string headers. */
export interface WireRecord {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Header names: what any consumer (or an operator with kcat) needs without parsing the payload. */
export const HEADER = {
  eventId: 'event-id',
  type: 'event-type',
  version: 'event-version',
  source: 'source',
  occurredAt: 'occurred-at',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  contentType: 'content-type',
} as const;

const JSON_CONTENT = 'application/json';

export function encodeMessage(message: IntegrationMessage): WireRecord {
  assertPublishable(message);
  const headers: Record<string, string> = {
    [HEADER.eventId]: message.eventId,
    [HEADER.type]: message.type,
    [HEADER.version]: String(message.version),
    [HEADER.source]: message.source,
    [HEADER.occurredAt]: message.occurredAt,
    [HEADER.correlationId]: message.correlationId,
    [HEADER.contentType]: JSON_CONTENT,
  };
  if (message.causationId) headers[HEADER.causationId] = message.causationId;
  return { key: message.key, value: JSON.stringify(message.payload ?? null), headers };
}

/** Throws a `PoisonMessageError` (code `malformed`) naming what is missing, so the dead letter says why. */
export function decodeMessage(record: WireRecord): IntegrationMessage {
  const h = record.headers;
  const missing = [HEADER.eventId, HEADER.type, HEADER.version, HEADER.source].filter((name) => !h[name]);
  if (missing.length > 0) throw new PoisonMessageError('malformed', `malformed message: missing header(s) ${missing.join(', ')}`);
  const version = Number(h[HEADER.version]);
  if (!Number.isInteger(version) || version < 1) {
    throw new PoisonMessageError(
      'malformed',
      `malformed message: header ${HEADER.version} is "${h[HEADER.version]}", not a positive integer`,
    );
  }
  if (!record.key) throw new PoisonMessageError('malformed', 'malformed message: no partition key (aggregate id)');
  let payload: unknown;
  try {
    payload = JSON.parse(record.value ?? '');
  } catch (error) {
    throw new PoisonMessageError('malformed', `malformed message: payload is not JSON (${(error as Error).message})`, { cause: error });
  }
  return {
    eventId: h[HEADER.eventId],
    type: h[HEADER.type],
    version,
    key: record.key,
    source: h[HEADER.source],
    occurredAt: h[HEADER.occurredAt] ?? '',
    correlationId: h[HEADER.correlationId] ?? h[HEADER.eventId],
    causationId: h[HEADER.causationId] || undefined,
    payload,
  };
}

const SOURCE_PATTERN = /^[a-z][a-z0-9-]*$/;

/** Refuses at the producer what every consumer would dead-letter anyway. */
export function assertPublishable(message: IntegrationMessage): void {
  const problems: string[] = [];
  if (!message.eventId) problems.push('eventId is empty');
  if (!message.type) problems.push('type is empty');
  if (!Number.isInteger(message.version) || message.version < 1) problems.push('version must be a positive integer');
  if (!message.key) problems.push('key (aggregate id) is empty');
  if (!SOURCE_PATTERN.test(message.source ?? '')) problems.push(`source "${message.source}" is not a context name`);
  if (!message.occurredAt) problems.push('occurredAt is empty');
  if (!message.correlationId) problems.push('correlationId is empty');
  if (problems.length > 0) throw new TypeError(`cannot publish ${message.type ?? '?'} ${message.eventId ?? '?'}: ${problems.join('; ')}`);
}
