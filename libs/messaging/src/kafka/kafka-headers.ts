import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { WireRecord } from '../codec/wire-record';

/** kafkajs hands headers over as Buffers (or arrays of them); the bus works with plain strings. */
export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    out[name] = Buffer.isBuffer(last) ? last.toString('utf8') : String(last);
  }
  return out;
}

export function wireRecordOf(message: KafkaMessage): WireRecord {
  return {
    key: message.key ? message.key.toString('utf8') : null,
    value: message.value ? message.value.toString('utf8') : null,
    headers: headersToStrings(message.headers),
  };
}
