import { randomInt } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeMultibaseBase64url, encodeMultibaseBase64url } from '../encoding/multibase';
import { StatusListError } from './status-list-error';

/** The minimum number of entries (16 KB of 1-bit statuses) the specification sets for herd privacy. */
export const MIN_STATUS_LIST_ENTRIES = 131_072;

/** The largest bitstring {@link BitstringStatusList.decode} inflates unless told otherwise: 16 MiB (134 million 1-bit entries). */
export const MAX_DECOMPRESSED_STATUS_LIST_BYTES = 16 * 1024 * 1024;

/** Options of {@link BitstringStatusList.decode}. */
export interface DecodeStatusListOptions {
  /**
   * Refuse (STATUS_LIST_LENGTH_ERROR) a list whose bitstring inflates to more bytes than this, without
   * inflating the rest: a small GZIP body can expand to gigabytes. Defaults to {@link MAX_DECOMPRESSED_STATUS_LIST_BYTES}.
   */
  maxDecompressedBytes?: number;
}

/** Options of a new {@link BitstringStatusList}. */
export interface BitstringStatusListOptions {
  /** Number of entries; defaults to, and may not be below, {@link MIN_STATUS_LIST_ENTRIES}. */
  length?: number;
  /** Bits per entry (default 1). */
  statusSize?: number;
}

/**
 * A Bitstring Status List: entry `i` occupies bits `i × statusSize` onward, bit 0 being the most
 * significant bit of byte 0. Also tracks which entries have been handed out, so indexes can be allocated
 * at random (the specification recommends it: a sequential index would reveal issuance order and volume).
 */
export class BitstringStatusList {
  readonly length: number;
  readonly statusSize: number;
  private readonly bits: Uint8Array;
  private readonly allocated: Uint8Array;
  private allocatedCount = 0;

  constructor(options: BitstringStatusListOptions = {}, bits?: Uint8Array) {
    this.statusSize = options.statusSize ?? 1;
    if (!Number.isInteger(this.statusSize) || this.statusSize < 1) throw new RangeError('statusSize must be a positive integer');
    if (bits) {
      this.length = Math.floor((bits.length * 8) / this.statusSize);
      this.bits = bits;
    } else {
      this.length = options.length ?? MIN_STATUS_LIST_ENTRIES;
      if (!Number.isInteger(this.length) || this.length < MIN_STATUS_LIST_ENTRIES) {
        throw new RangeError(`a status list holds at least ${MIN_STATUS_LIST_ENTRIES} entries`);
      }
      this.bits = new Uint8Array(Math.ceil((this.length * this.statusSize) / 8));
    }
    this.allocated = new Uint8Array(Math.ceil(this.length / 8));
  }

  /**
   * Expands an `encodedList` (multibase base64url of the GZIP-compressed bitstring). No minimum length is
   * enforced here so that short third-party lists can still be read; {@link checkStatus} enforces it.
   */
  static decode(encodedList: string, statusSize = 1, options: DecodeStatusListOptions = {}): BitstringStatusList {
    const maxOutputLength = options.maxDecompressedBytes ?? MAX_DECOMPRESSED_STATUS_LIST_BYTES;
    if (!Number.isSafeInteger(maxOutputLength) || maxOutputLength < 1)
      throw new RangeError('maxDecompressedBytes must be a positive integer');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(gunzipSync(decodeMultibaseBase64url(encodedList), { maxOutputLength }));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new StatusListError('STATUS_LIST_LENGTH_ERROR', `the bitstring inflates to more than ${maxOutputLength} bytes`);
      }
      throw new StatusListError(
        'MALFORMED_VALUE_ERROR',
        `encodedList is not a multibase base64url GZIP bitstring: ${(e as Error).message}`,
      );
    }
    return new BitstringStatusList({ statusSize }, bytes);
  }

  /** `u` + base64url (no padding) of the GZIP-compressed bitstring. */
  encode(): string {
    return encodeMultibaseBase64url(gzipSync(this.bits, { level: 9 }));
  }

  /** Length of the uncompressed bitstring in bits. */
  get bitLength(): number {
    return this.bits.length * 8;
  }

  /** The raw bitstring (a copy). */
  toBytes(): Uint8Array {
    return Uint8Array.from(this.bits);
  }

  /** The status value of an entry (0 when unset). */
  getStatus(index: number): number {
    this.assertIndex(index);
    let value = 0;
    for (let b = index * this.statusSize, end = b + this.statusSize; b < end; b++)
      value = (value << 1) | ((this.bits[b >> 3] >> (7 - (b & 7))) & 1);
    return value;
  }

  /** Writes an entry's status value, most significant bit first. */
  setStatus(index: number, value: number): void {
    this.assertIndex(index);
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** this.statusSize)
      throw new RangeError(`status ${value} does not fit in ${this.statusSize} bit(s)`);
    for (let i = 0; i < this.statusSize; i++) {
      const b = index * this.statusSize + i;
      const mask = 0x80 >> (b & 7);
      if ((value >> (this.statusSize - 1 - i)) & 1) this.bits[b >> 3] |= mask;
      else this.bits[b >> 3] &= ~mask;
    }
  }

  /** Whether the entry's status is non-zero (revoked, suspended, ...). */
  isSet(index: number): boolean {
    return this.getStatus(index) !== 0;
  }

  /** Sets a 1-bit entry (revoke, suspend). */
  set(index: number): void {
    this.setStatus(index, 2 ** this.statusSize - 1);
  }

  /** Clears an entry (reinstate a suspension). */
  clear(index: number): void {
    this.setStatus(index, 0);
  }

  /** Indexes of all entries with a non-zero status, ascending. */
  setIndexes(): number[] {
    const out: number[] = [];
    if (this.statusSize === 1) {
      for (let byte = 0; byte < this.bits.length; byte++) {
        if (this.bits[byte] === 0) continue;
        for (let bit = 0; bit < 8; bit++) if (this.bits[byte] & (0x80 >> bit) && byte * 8 + bit < this.length) out.push(byte * 8 + bit);
      }
      return out;
    }
    for (let i = 0; i < this.length; i++) if (this.getStatus(i) !== 0) out.push(i);
    return out;
  }

  /** Number of entries not yet handed out. */
  get freeCount(): number {
    return this.length - this.allocatedCount;
  }

  /** Whether an entry has been handed out. */
  isAllocated(index: number): boolean {
    this.assertIndex(index);
    return (this.allocated[index >> 3] & (0x80 >> (index & 7))) !== 0;
  }

  /** Records an entry as handed out (when rebuilding the list from its history). */
  markAllocated(index: number): void {
    if (this.isAllocated(index)) return;
    this.allocated[index >> 3] |= 0x80 >> (index & 7);
    this.allocatedCount++;
  }

  /**
   * Hands out a uniformly random free entry. `random(n)` returns an integer in [0, n); it defaults to a
   * CSPRNG and is injectable for tests. Throws when the list is full.
   */
  allocate(random: (n: number) => number = randomInt): number {
    if (this.freeCount === 0) throw new RangeError('the status list has no free entry left');
    // Rejection sampling is O(1) while the list is mostly free; near full, pick the k-th free entry instead.
    for (let attempt = 0; attempt < 32; attempt++) {
      const candidate = random(this.length);
      if (!this.isAllocated(candidate)) {
        this.markAllocated(candidate);
        return candidate;
      }
    }
    let k = random(this.freeCount);
    for (let i = 0; i < this.length; i++) {
      if (!this.isAllocated(i) && k-- === 0) {
        this.markAllocated(i);
        return i;
      }
    }
    throw new RangeError('the status list has no free entry left');
  }

  private assertIndex(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.length)
      throw new StatusListError('RANGE_ERROR', `index ${index} is outside the list of ${this.length} entries`);
  }
}
