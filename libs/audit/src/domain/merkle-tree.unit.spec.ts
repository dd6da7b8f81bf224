import { createHash } from 'node:crypto';
import { inclusionProof, merkleRoot, verifyInclusion } from './merkle-tree';

const hashes = (n: number) => Array.from({ length: n }, (_, i) => createHash('sha256').update(`event-${i}`).digest('hex'));

describe('Merkle tree over event hashes', () => {
  it('gives a different root when any hash or the order changes', () => {
    const h = hashes(7);
    const root = merkleRoot(h);
    expect(merkleRoot([...h])).toBe(root);
    expect(merkleRoot([h[1]!, h[0]!, ...h.slice(2)])).not.toBe(root);
    const tampered = [...h];
    tampered[5] = createHash('sha256').update('forged').digest('hex');
    expect(merkleRoot(tampered)).not.toBe(root);
  });

  it('does not let a leaf pass for an inner node (domain separation)', () => {
    const h = hashes(2);
    const asOneLeaf = createHash('sha256')
      .update(Buffer.from(merkleRoot(h), 'hex'))
      .digest('hex');
    expect(merkleRoot([asOneLeaf])).not.toBe(merkleRoot(h));
  });

  it.each([1, 2, 3, 5, 8, 13, 100, 257])('proves and verifies inclusion of every leaf in a tree of %i', (n) => {
    const h = hashes(n);
    const root = merkleRoot(h);
    for (let i = 0; i < n; i++) {
      const proof = inclusionProof(h, i);
      expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)) + 1);
      expect(verifyInclusion(h[i]!, i, n, proof, root)).toBe(true);
    }
  });

  it('rejects a proof for the wrong leaf, index, size or root', () => {
    const h = hashes(11);
    const root = merkleRoot(h);
    const proof = inclusionProof(h, 4);
    expect(verifyInclusion(h[5]!, 4, 11, proof, root)).toBe(false);
    expect(verifyInclusion(h[4]!, 5, 11, proof, root)).toBe(false);
    // The size only shapes the path; the signed checkpoint binds root and size together.
    expect(verifyInclusion(h[4]!, 4, 5, proof, root)).toBe(false);
    expect(verifyInclusion(h[4]!, 4, 11, proof, merkleRoot(hashes(12)))).toBe(false);
    expect(verifyInclusion(h[4]!, 4, 11, proof.slice(1), root)).toBe(false);
  });

  it('builds the root of RFC 9162 (split at the largest power of two) for every size', () => {
    const h = (b: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(b)).digest();
    const reference = (leaves: string[]): Buffer => {
      if (leaves.length === 1) return h([Buffer.from([0]), Buffer.from(leaves[0]!, 'hex')]);
      let k = 1;
      while (k * 2 < leaves.length) k *= 2;
      return h([Buffer.from([1]), reference(leaves.slice(0, k)), reference(leaves.slice(k))]);
    };
    for (let n = 1; n <= 70; n++) expect(merkleRoot(hashes(n))).toBe(reference(hashes(n)).toString('hex'));
  });
});
