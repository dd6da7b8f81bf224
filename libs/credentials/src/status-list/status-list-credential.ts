import type { JsonObject } from '../data-integrity/types';
import { VC_V2_CONTEXT_URL } from '../jsonld/bundled-contexts';
import type { BitstringStatusList } from './bitstring-status-list';

/** Status purposes with meaning defined by the specification; others are allowed. */
export type StatusPurpose = 'revocation' | 'suspension' | 'refresh' | 'message' | (string & {});

/** One message of a multi-bit status entry. */
export interface StatusMessage {
  /** Hexadecimal status value, `0x` prefixed. */
  status: string;
  message: string;
}

/** A `BitstringStatusListEntry` as it appears in `credentialStatus`. */
export interface BitstringStatusListEntry extends JsonObject {
  id?: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  /** Base-10 string. */
  statusListIndex: string;
  statusListCredential: string;
  statusSize?: number;
  statusMessage?: StatusMessage[];
  statusReference?: string | string[];
}

/**
 * Builds the `credentialStatus` entry for one credential. Its `id` is `<list URL>#<index>`: unique, and
 * never the list URL itself, which the specification forbids.
 */
export function statusListEntry(input: {
  statusListCredential: string;
  statusListIndex: number;
  statusPurpose: StatusPurpose;
  statusSize?: number;
  statusMessage?: StatusMessage[];
  statusReference?: string | string[];
}): BitstringStatusListEntry {
  if (!Number.isInteger(input.statusListIndex) || input.statusListIndex < 0)
    throw new RangeError('statusListIndex must be a non-negative integer');
  return {
    id: `${input.statusListCredential}#${input.statusListIndex}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: input.statusPurpose,
    statusListIndex: String(input.statusListIndex),
    statusListCredential: input.statusListCredential,
    ...(input.statusSize !== undefined && input.statusSize !== 1 ? { statusSize: input.statusSize } : {}),
    ...(input.statusMessage ? { statusMessage: input.statusMessage } : {}),
    ...(input.statusReference ? { statusReference: input.statusReference } : {}),
  };
}

/** Input of {@link buildStatusListCredential}. */
export interface StatusListCredentialInput {
  /** URL the list is published at; the entries' `statusListCredential`. */
  id: string;
  issuer: string | JsonObject;
  statusPurpose: StatusPurpose | StatusPurpose[];
  list: BitstringStatusList;
  validFrom: string;
  validUntil?: string;
  /** Milliseconds a verifier may cache the list. */
  ttl?: number;
  statusMessages?: StatusMessage[];
}

/** An unsigned `BitstringStatusListCredential` (sign it with `signCredential` before publishing). */
export function buildStatusListCredential(input: StatusListCredentialInput): JsonObject {
  return {
    '@context': [VC_V2_CONTEXT_URL],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: input.validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: input.statusPurpose,
      encodedList: input.list.encode(),
      ...(input.ttl !== undefined ? { ttl: input.ttl } : {}),
      ...(input.list.statusSize !== 1 ? { statusSize: input.list.statusSize } : {}),
      ...(input.statusMessages ? { statusMessages: input.statusMessages } : {}),
    },
  };
}
