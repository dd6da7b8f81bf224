import type { Verdict } from '../report/verdict';
import type { VerificationsCounted } from '../verification/verification.events';

export interface TallyOptions {
  /** Most checks recorded one by one per UTC day; the rest of the day's checks are only counted. */
  dailyRecords: number;
}

type Count = VerificationsCounted['data']['counts'][number];

/**
 * Decides which checks are recorded one by one and counts the others, so that public traffic cannot grow
 * the store without bound. A check is recorded (a CredentialVerified event, published to audit) when it is
 * the first of its UTC day with that credential and verdict, up to `dailyRecords` a day; every other check
 * is added to a count per day, verdict and credential issued here (foreign credentials are counted without
 * their id), drained by whoever flushes the tally into one VerificationsCounted event.
 */
export class VerificationTally {
  private day = '';
  private readonly seen = new Set<string>();
  private counts = new Map<string, Count>();
  private from: string | undefined;
  private to: string | undefined;

  constructor(private readonly options: TallyOptions) {}

  /**
   * `subject`: the credential's id as presented (or undefined); `credentialId`: set when issued here.
   * Returns 'record' when the check is to be recorded one by one, else counts it and returns 'counted'.
   */
  admit(check: { at: string; verdict: Verdict; subject?: string; credentialId?: string }): 'record' | 'counted' {
    const day = check.at.slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.seen.clear();
    }
    const key = `${check.verdict} ${check.credentialId ?? check.subject ?? ''}`;
    if (!this.seen.has(key) && this.seen.size < this.options.dailyRecords) {
      this.seen.add(key);
      return 'record';
    }
    const countKey = `${day} ${check.verdict} ${check.credentialId ?? ''}`;
    const count = this.counts.get(countKey);
    if (count) count.count++;
    else
      this.counts.set(countKey, {
        day,
        verdict: check.verdict,
        ...(check.credentialId ? { credentialId: check.credentialId } : {}),
        count: 1,
      });
    this.from ??= check.at;
    this.to = check.at;
    return 'counted';
  }

  /** The counts since the last drain, as the data of one event; undefined when nothing was counted. */
  drain(): VerificationsCounted['data'] | undefined {
    if (this.counts.size === 0 || !this.from || !this.to) return undefined;
    const data = { from: this.from, to: this.to, counts: [...this.counts.values()] };
    this.counts = new Map();
    this.from = this.to = undefined;
    return data;
  }

  /** Counts drained but not stored (the store refused): added back so that the next flush carries them. */
  restore(data: VerificationsCounted['data']): void {
    for (const c of data.counts) {
      const key = `${c.day} ${c.verdict} ${c.credentialId ?? ''}`;
      const count = this.counts.get(key);
      if (count) count.count += c.count;
      else this.counts.set(key, { ...c });
    }
    this.from = !this.from || data.from < this.from ? data.from : this.from;
    this.to = !this.to || data.to > this.to ? data.to : this.to;
  }

  /** Counts waiting for the next flush. */
  pending(): number {
    return this.counts.size;
  }
}
