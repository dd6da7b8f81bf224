import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeMultibaseBase64url, encodeMultibaseBase64url } from '../encoding/multibase';
import { readVectorJson } from '../__tests__/vectors';
import { BitstringStatusList, MAX_DECOMPRESSED_STATUS_LIST_BYTES, MIN_STATUS_LIST_ENTRIES } from './bitstring-status-list';
import { StatusListError } from './status-list-error';

interface ReferenceList {
  encodedList: string;
  decodedLengthBits: number;
  setIndexes: number[];
}

describe('BitstringStatusList', () => {
  const references = Object.entries(
    readVectorJson<Record<string, ReferenceList | string>>('status-list', 'reference-encodedLists.json'),
  ).filter((e): e is [string, ReferenceList] => typeof e[1] === 'object');

  it.each(references)('decodes the reference list %s to its published bits', (_name, ref) => {
    const list = BitstringStatusList.decode(ref.encodedList);
    expect(list.bitLength).toBe(ref.decodedLengthBits);
    expect(list.setIndexes()).toEqual(ref.setIndexes);
  });

  it('reads the published 1EdTech test list as 131,072 bits with only index 23 set', () => {
    const vc = readVectorJson<{ credentialSubject: { encodedList: string } }>('status-list', '1edtech_testlist_revoked-index-23.json');
    const list = BitstringStatusList.decode(vc.credentialSubject.encodedList);
    expect(list.length).toBe(131_072);
    expect(list.setIndexes()).toEqual([23]);
    expect(list.isSet(23)).toBe(true);
    expect(list.isSet(22)).toBe(false);
  });

  it('puts index 0 at the most significant bit of byte 0', () => {
    const list = new BitstringStatusList();
    list.set(0);
    list.set(9);
    const bytes = list.toBytes();
    expect(bytes[0]).toBe(0x80);
    expect(bytes[1]).toBe(0x40);
  });

  it('encodes as u + base64url without padding of a GZIP stream, and decodes to the same bits', () => {
    const list = new BitstringStatusList();
    for (const i of [0, 7, 8, 50_000, 131_071]) list.set(i);
    const encoded = list.encode();
    expect(encoded.startsWith('u')).toBe(true);
    expect(encoded).not.toMatch(/[=+/]/);
    const gz = decodeMultibaseBase64url(encoded);
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(gz)).toHaveLength(16 * 1024);
    expect(BitstringStatusList.decode(encoded).setIndexes()).toEqual([0, 7, 8, 50_000, 131_071]);
  });

  it('sets and clears entries, and refuses indexes outside the list', () => {
    const list = new BitstringStatusList();
    list.set(42);
    expect(list.isSet(42)).toBe(true);
    list.clear(42);
    expect(list.setIndexes()).toEqual([]);
    expect(() => list.set(MIN_STATUS_LIST_ENTRIES)).toThrow(/RANGE_ERROR/);
    expect(() => list.set(-1)).toThrow(/RANGE_ERROR/);
  });

  it('refuses fewer than 131,072 entries', () => {
    expect(() => new BitstringStatusList({ length: 100_000 })).toThrow(/at least 131072/);
    expect(new BitstringStatusList({ length: 200_000 }).length).toBe(200_000);
  });

  it('stores multi-bit statuses most significant bit first', () => {
    const list = new BitstringStatusList({ statusSize: 2 });
    list.setStatus(1, 2);
    expect(list.getStatus(1)).toBe(2);
    expect(list.toBytes()[0]).toBe(0b0010_0000);
    expect(BitstringStatusList.decode(list.encode(), 2).getStatus(1)).toBe(2);
  });

  it('allocates distinct random indexes spread over the whole list', () => {
    const list = new BitstringStatusList();
    const picked = Array.from({ length: 1000 }, () => list.allocate());
    expect(new Set(picked).size).toBe(1000);
    expect(picked.every((i) => Number.isInteger(i) && i >= 0 && i < list.length)).toBe(true);
    // A sequential allocator would keep every index below 1000.
    expect(Math.max(...picked)).toBeGreaterThan(65_536);
    expect(picked).not.toEqual([...picked].sort((a, b) => a - b));
    expect(list.freeCount).toBe(list.length - 1000);
  });

  it('still finds the last free entries, and reports a full list', () => {
    const list = new BitstringStatusList();
    const free = new Set([5, 77_777, 131_071]);
    for (let i = 0; i < list.length; i++) if (!free.has(i)) list.markAllocated(i);
    const alwaysTaken = (n: number) => (n === list.length ? 0 : n - 1);
    const got = [list.allocate(alwaysTaken), list.allocate(alwaysTaken), list.allocate(alwaysTaken)];
    expect(new Set(got)).toEqual(free);
    expect(() => list.allocate()).toThrow(/no free entry/);
  });

  it('refuses a list that inflates beyond the cap (16 MiB by default) instead of expanding it', () => {
    const bomb = encodeMultibaseBase64url(gzipSync(Buffer.alloc(MAX_DECOMPRESSED_STATUS_LIST_BYTES + 1024 * 1024), { level: 9 }));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => BitstringStatusList.decode(bomb)).toThrow(StatusListError);
    expect(() => BitstringStatusList.decode(bomb)).toThrow(
      expect.objectContaining({ code: 'STATUS_LIST_LENGTH_ERROR', message: expect.stringContaining('inflates to more than') }),
    );
    const small = new BitstringStatusList().encode();
    expect(() => BitstringStatusList.decode(small, 1, { maxDecompressedBytes: 1024 })).toThrow(
      expect.objectContaining({ code: 'STATUS_LIST_LENGTH_ERROR' }),
    );
    expect(BitstringStatusList.decode(small, 1, { maxDecompressedBytes: 16 * 1024 }).length).toBe(MIN_STATUS_LIST_ENTRIES);
  });
});
