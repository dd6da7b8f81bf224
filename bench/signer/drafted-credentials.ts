/**
 * What the read model would answer to "which credentials wait for this university's proof", worked out from
 * the credential aggregates themselves: the ids drafted so far, each loaded to see whether it still collects
 * proofs and lacks this university's. Settled credentials, and those a university answered, are dropped so
 * later questions skip them, and a question stops once it has as many as SigningRequests can use, as a read
 * model's ordered, limited query would.
 */
import { IssuanceAggregates } from '../../libs/issuance/src/application/issuance-aggregates';
import type { IssuanceQueries } from '../../libs/issuance/src/application/ports/issuance-queries.port';
import type { Credential } from '../../libs/issuance/src/domain/credential/credential.state';

/** SigningRequests.pending hands out at most 50 requests a call, whatever limit the signer asks for. */
const LARGEST_REQUEST_BATCH = 50;

export class DraftedCredentials implements IssuanceQueries {
  private open: string[] = [];
  /** Per university, the drafted credentials it has not been seen to answer yet. */
  private readonly unanswered = new Map<string, string[]>();
  /** Aggregate loads made to answer queries, reported beside the rates. */
  loads = 0;

  constructor(private readonly aggregates: IssuanceAggregates) {}

  /** Remembers a credential once its draft is recorded. */
  drafted(credentialId: string): void {
    this.open.push(credentialId);
    for (const ids of this.unanswered.values()) ids.push(credentialId);
  }

  /** The oldest credentials waiting for this university, at most as many as SigningRequests ever takes in one call. */
  async pendingCredentialsOf(institutionId: string): Promise<string[]> {
    if (!this.unanswered.has(institutionId)) this.unanswered.set(institutionId, [...this.open]);
    const waiting: string[] = [];
    const done = await this.scan(this.unanswered.get(institutionId)!, (credential) => {
      const awarding = credential.awardingBodies.some((b) => b.institutionId === institutionId);
      const answered =
        credential.proofs.some((p) => p.institutionId === institutionId) ||
        credential.refusals.some((r) => r.institutionId === institutionId);
      if (!awarding || answered) return 'drop';
      waiting.push(credential.credentialId);
      return waiting.length < LARGEST_REQUEST_BATCH ? 'keep' : 'stop';
    });
    this.unanswered.set(
      institutionId,
      this.unanswered.get(institutionId)!.filter((id) => !done.has(id)),
    );
    return waiting;
  }

  /** The stand-in already drops what each university answered, so it serves the signers' query too. */
  awaitingProofOf(institutionId: string): Promise<string[]> {
    return this.pendingCredentialsOf(institutionId);
  }

  async pendingCredentials(): Promise<string[]> {
    const ids: string[] = [];
    const done = await this.scan(this.open, (credential) => {
      ids.push(credential.credentialId);
      return 'keep';
    });
    this.open = this.open.filter((id) => !done.has(id));
    return ids;
  }

  /** How many drafted credentials are still collecting proofs. */
  async unsettled(): Promise<number> {
    return (await this.pendingCredentials()).length;
  }

  async waitingTracksOf(): Promise<string[]> {
    throw notAsked('waitingTracksOf');
  }

  async stacksContaining(): Promise<{ stackSpecId: string; stackVersion: number }[]> {
    throw notAsked('stacksContaining');
  }

  async standingCredentialsOf(): Promise<{ credentialId: string; learnerId: string; awardId: string; awardedAt: string }[]> {
    throw notAsked('standingCredentialsOf');
  }

  async trackOf(): Promise<string | undefined> {
    throw notAsked('trackOf');
  }

  async openTracks(): Promise<{ awardId: string; specId: string; specVersion: number }[]> {
    throw notAsked('openTracks');
  }

  async openTracksOf(): Promise<string[]> {
    throw notAsked('openTracksOf');
  }

  async tracksOfLearner(): Promise<string[]> {
    throw notAsked('tracksOfLearner');
  }

  /**
   * Loads the credentials of `ids` oldest first and hands each one still collecting proofs to `visit`, until it
   * says stop. Returns the ids to forget: settled credentials, and those `visit` dropped.
   */
  private async scan(ids: readonly string[], visit: (credential: Credential) => 'keep' | 'drop' | 'stop'): Promise<Set<string>> {
    const done = new Set<string>();
    for (const id of [...ids]) {
      this.loads++;
      const state = (await this.aggregates.credential.load(id)).state;
      if (state?.lifecycle !== 'collecting-proofs') {
        done.add(id);
        continue;
      }
      const verdict = visit(state);
      if (verdict === 'drop') done.add(id);
      if (verdict === 'stop') break;
    }
    return done;
  }
}

const notAsked = (query: string) =>
  new Error(`${query} is not answered here: only the signing requests consult these queries, and they ask which credentials are pending`);
