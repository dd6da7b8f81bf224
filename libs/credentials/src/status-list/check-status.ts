import type { JsonObject } from '../data-integrity/types';
import { BitstringStatusList, MIN_STATUS_LIST_ENTRIES } from './bitstring-status-list';
import type { StatusMessage } from './status-list-credential';
import { StatusListError } from './status-list-error';

/** The result map of the Validate Algorithm (BSL 1.0 §3.2). */
export interface StatusCheckResult {
  status: number;
  purpose: string;
  /** True only when the status is 0. */
  valid: boolean;
  message?: string;
}

/** Options of {@link checkStatus}. */
export interface CheckStatusOptions {
  /** Lower bound on entries; 131,072 unless an ecosystem sets another. */
  minimumNumberOfEntries?: number;
  /**
   * Verifies every proof of the status list credential (e.g. with `verifyCredential`). Without it the
   * caller is responsible for having verified the list; a false result raises STATUS_VERIFICATION_ERROR.
   */
  verifyStatusListCredential?: (credential: JsonObject) => Promise<boolean> | boolean;
  /**
   * Reject a `statusListIndex` given as a JSON number, and a list whose `id` is not the entry's
   * `statusListCredential`. The specification requires a base-10 string, but published credentials (the
   * 1EdTech validator's own test data) use numbers, so by default they are read.
   */
  strict?: boolean;
  /** Refuse a list whose bitstring inflates beyond this many bytes (STATUS_LIST_LENGTH_ERROR); 16 MiB by default. */
  maxDecompressedBytes?: number;
}

const fail = (code: StatusListError['code'], message: string): never => {
  throw new StatusListError(code, message);
};

/**
 * Validates one `BitstringStatusListEntry` against the status list credential it points at (BSL 1.0
 * §3.2). `statusListCredential` is what the caller dereferenced; undefined or null means retrieval
 * failed. Throws {@link StatusListError} with the specification's error names.
 */
export async function checkStatus(
  entry: JsonObject,
  statusListCredential: JsonObject | null | undefined,
  options: CheckStatusOptions = {},
): Promise<StatusCheckResult> {
  const { index, size, purpose, messages, listUrl } = readEntry(entry, options.strict ?? false);
  if (!statusListCredential || typeof statusListCredential !== 'object')
    return fail('STATUS_RETRIEVAL_ERROR', `status list ${listUrl} could not be retrieved`);
  // The specification lets the list's id differ from the URL it was fetched from; strict mode binds them.
  if (options.strict && statusListCredential.id !== undefined && statusListCredential.id !== listUrl) {
    fail('STATUS_VERIFICATION_ERROR', `the status list credential is ${String(statusListCredential.id)}, not ${listUrl}`);
  }
  const types = ([] as unknown[]).concat(statusListCredential.type);
  if (!types.includes('BitstringStatusListCredential'))
    fail('MALFORMED_VALUE_ERROR', 'the status list credential is not a BitstringStatusListCredential');
  const subject = statusListCredential.credentialSubject as JsonObject | undefined;
  if (!subject || typeof subject !== 'object' || subject.type !== 'BitstringStatusList')
    fail('MALFORMED_VALUE_ERROR', 'credentialSubject.type must be BitstringStatusList');
  if (options.verifyStatusListCredential && !(await options.verifyStatusListCredential(statusListCredential))) {
    fail('STATUS_VERIFICATION_ERROR', `a proof of status list ${listUrl} does not verify`);
  }
  const purposes = ([] as unknown[]).concat(subject!.statusPurpose);
  if (!purposes.includes(purpose))
    fail('STATUS_VERIFICATION_ERROR', `status list ${listUrl} serves ${purposes.join(', ')}, not ${purpose}`);
  if (typeof subject!.encodedList !== 'string') fail('MALFORMED_VALUE_ERROR', 'encodedList is missing');

  const list = BitstringStatusList.decode(
    subject!.encodedList as string,
    size,
    options.maxDecompressedBytes !== undefined ? { maxDecompressedBytes: options.maxDecompressedBytes } : {},
  );
  const minimum = options.minimumNumberOfEntries ?? MIN_STATUS_LIST_ENTRIES;
  if (list.bitLength / size < minimum)
    fail('STATUS_LIST_LENGTH_ERROR', `the list holds ${list.bitLength / size} entries, fewer than ${minimum}`);
  if ((index + 1) * size > list.bitLength) fail('RANGE_ERROR', `index ${index} is outside the list of ${list.length} entries`);

  const status = list.getStatus(index);
  const result: StatusCheckResult = { status, purpose, valid: status === 0 };
  const message = messages?.find((m) => parseInt(m.status, 16) === status)?.message;
  if (message !== undefined) result.message = message;
  return result;
}

function readEntry(entry: JsonObject, strict: boolean) {
  if (!entry || typeof entry !== 'object') return fail('MALFORMED_VALUE_ERROR', 'the status entry is not an object');
  if (entry.type !== 'BitstringStatusListEntry')
    fail('MALFORMED_VALUE_ERROR', `status entry type ${String(entry.type)} is not BitstringStatusListEntry`);
  if (typeof entry.statusPurpose !== 'string' || !entry.statusPurpose) fail('MALFORMED_VALUE_ERROR', 'statusPurpose must be a string');
  if (typeof entry.statusListCredential !== 'string' || !URL.canParse(entry.statusListCredential))
    fail('MALFORMED_VALUE_ERROR', 'statusListCredential must be a URL');
  if (entry.id !== undefined && entry.id === entry.statusListCredential)
    fail('MALFORMED_VALUE_ERROR', 'the entry id must not be the status list URL');
  const raw = entry.statusListIndex;
  let index = NaN;
  if (typeof raw === 'string' && /^(0|[1-9]\d*)$/.test(raw)) index = Number(raw);
  else if (!strict && typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) index = raw;
  if (!Number.isSafeInteger(index)) fail('MALFORMED_VALUE_ERROR', `statusListIndex ${JSON.stringify(raw)} is not a base-10 integer string`);
  const size = entry.statusSize ?? 1;
  if (!Number.isInteger(size) || (size as number) < 1) fail('MALFORMED_VALUE_ERROR', 'statusSize must be a positive integer');
  const messages = entry.statusMessage as StatusMessage[] | undefined;
  if ((size as number) > 1 || messages !== undefined) {
    const wellFormed =
      Array.isArray(messages) &&
      messages.length === 2 ** (size as number) &&
      messages.every((m) => typeof m?.status === 'string' && /^0x[0-9a-fA-F]+$/.test(m.status) && typeof m.message === 'string');
    if (!wellFormed) fail('MALFORMED_VALUE_ERROR', `statusMessage must list ${2 ** (size as number)} {status, message} pairs`);
  }
  return { index, size: size as number, purpose: entry.statusPurpose as string, messages, listUrl: entry.statusListCredential as string };
}
