import { generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';

/**
 * The floor under any Data Integrity suite: three raw Ed25519 signatures (one per awarding body) over a
 * 64-byte message, the size of the proof-hash ‖ document-hash the suites sign, with node:crypto.
 */
export function rawEd25519(seconds: number, proofs = 3): { signPerSecond: number; verifyPerSecond: number } {
  const keys = Array.from({ length: proofs }, () => generateKeyPairSync('ed25519'));
  const message = randomBytes(64);
  const signatures = keys.map((k) => sign(null, message, k.privateKey));
  const time = (work: () => void): number => {
    let rounds = 0;
    const started = process.hrtime.bigint();
    const deadline = Date.now() + seconds * 1000;
    while (Date.now() < deadline) {
      work();
      rounds++;
    }
    return rounds / (Number(process.hrtime.bigint() - started) / 1e9);
  };
  const signPerSecond = time(() => {
    for (const k of keys) sign(null, message, k.privateKey);
  });
  const verifyPerSecond = time(() => {
    keys.forEach((k, i) => {
      if (!verify(null, message, k.publicKey, signatures[i])) throw new Error('baseline signature did not verify');
    });
  });
  return { signPerSecond, verifyPerSecond };
}
