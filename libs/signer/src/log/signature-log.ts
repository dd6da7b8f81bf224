import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export type SignatureLogEntry =
  | { type: 'signed'; credentialId: string; documentDigest: string; verificationMethod: string; proof: Record<string, unknown>; at: string }
  | { type: 'refused'; credentialId: string; documentDigest: string; code: string; reason: string; at: string }
  | { type: 'delivered'; credentialId: string; at: string };

/**
 * The signer's own append-only record of what its key signed and what it refused: one JSON line per fact,
 * flushed to disk before the platform hears of it. After a crash the signer sends the logged proof again
 * instead of signing a second time, so the institution never signs one credential twice.
 */
export class SignatureLog {
  private readonly signed = new Map<string, Extract<SignatureLogEntry, { type: 'signed' }>>();
  private readonly refused = new Map<string, Extract<SignatureLogEntry, { type: 'refused' }>>();
  private readonly delivered = new Set<string>();
  private fd: number | undefined;

  constructor(private readonly path: string) {}

  open(): this {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    if (existsSync(this.path)) {
      const lines = readFileSync(this.path, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!line.trim()) return;
        try {
          this.apply(JSON.parse(line) as SignatureLogEntry);
        } catch {
          // Only the last line can be torn (a crash mid-write); anything else is damage an operator must see.
          if (i < lines.length - 1 && lines.slice(i + 1).some((l) => l.trim()))
            throw new Error(`signature log ${this.path} is damaged at line ${i + 1}; restore it from backup before signing again`);
        }
      });
    }
    this.fd = openSync(this.path, 'a', 0o600);
    return this;
  }

  signedProof(credentialId: string) {
    return this.signed.get(credentialId);
  }

  refusal(credentialId: string) {
    return this.refused.get(credentialId);
  }

  isDelivered(credentialId: string): boolean {
    return this.delivered.has(credentialId);
  }

  counts(): { signed: number; refused: number; delivered: number } {
    return { signed: this.signed.size, refused: this.refused.size, delivered: this.delivered.size };
  }

  append(entry: SignatureLogEntry): void {
    if (this.fd === undefined) throw new Error('the signature log is not open');
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(this.fd);
    this.apply(entry);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private apply(entry: SignatureLogEntry): void {
    if (entry.type === 'signed') this.signed.set(entry.credentialId, entry);
    else if (entry.type === 'refused') this.refused.set(entry.credentialId, entry);
    else this.delivered.add(entry.credentialId);
  }
}
