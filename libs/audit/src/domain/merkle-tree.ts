import { createHash } from 'node:crypto';

/**
 * Merkle tree over event hashes, as in RFC 9162 (Certificate Transparency v2): leaves and inner nodes are
 * hashed with distinct prefixes so a leaf can never pass for a subtree, and odd trees are split at the
 * largest power of two so inclusion proofs stay logarithmic and verifiable by third parties.
 */
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export function leafHash(eventHashHex: string): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(Buffer.from(eventHashHex, 'hex')).digest();
}

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Root over leaf hashes (already leaf-hashed), computed bottom-up level by level. */
function rootOfLeaves(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0]!;
  const k = largestPowerOfTwoBelow(leaves.length);
  return nodeHash(rootOfLeaves(leaves.slice(0, k)), rootOfLeaves(leaves.slice(k)));
}

/**
 * Root (hex) over event hashes in log order. Built level by level, carrying an unpaired last node up
 * unchanged: for RFC 9162's split at the largest power of two this gives the same root, in linear time
 * and without copying slices (a checkpoint may cover hundreds of thousands of events).
 */
export function merkleRoot(eventHashes: string[]): string {
  if (eventHashes.length === 0) return createHash('sha256').digest('hex');
  let level = eventHashes.map(leafHash);
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!.toString('hex');
}

/** Audit path proving that leaf `index` is in the tree of `eventHashes` (hex sibling hashes, leaf to root). */
export function inclusionProof(eventHashes: string[], index: number): string[] {
  if (index < 0 || index >= eventHashes.length) throw new RangeError(`leaf ${index} is outside a tree of ${eventHashes.length}`);
  const path: Buffer[] = [];
  const walk = (leaves: Buffer[], i: number): void => {
    if (leaves.length <= 1) return;
    const k = largestPowerOfTwoBelow(leaves.length);
    if (i < k) {
      walk(leaves.slice(0, k), i);
      path.push(rootOfLeaves(leaves.slice(k)));
    } else {
      walk(leaves.slice(k), i - k);
      path.push(rootOfLeaves(leaves.slice(0, k)));
    }
  };
  walk(eventHashes.map(leafHash), index);
  return path.map((b) => b.toString('hex'));
}

/** Checks an audit path offline: RFC 9162 section 2.1.3.2. */
export function verifyInclusion(eventHash: string, index: number, treeSize: number, proof: string[], rootHex: string): boolean {
  if (index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash(eventHash);
  for (const siblingHex of proof) {
    const p = Buffer.from(siblingHex, 'hex');
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.toString('hex') === rootHex;
}
