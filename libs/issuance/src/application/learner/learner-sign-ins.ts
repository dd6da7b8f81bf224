import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { type AuthSettings, mintToken } from '@alliance/nest-kit';
import type { CommandContext } from '@alliance/event-sourcing';
import { IssuanceException } from '../../domain/issuance.exception';
import { signInRefused } from '../../domain/learner-sign-in/learner-sign-in.decider';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { LearnerAddressBook } from '../ports/learner-address-book.port';
import type { SignInLinks } from './sign-in-links';

/** A sign-in link works for fifteen minutes: long enough to reach the mailbox, short if the mail leaks later. */
export const SIGN_IN_LINK_TTL_SECONDS = 15 * 60;
/** At most this many links per learner per link lifetime (per replica): asking again cannot flood a mailbox. */
export const MAX_LINKS_PER_LEARNER = 3;
/** Learners whose recent requests are remembered; past this, the oldest are forgotten first. */
const REMEMBERED_LEARNERS = 10_000;
/** A learner page session lasts an hour; the learner signs in again after. */
export const LEARNER_SESSION_SECONDS = 3600;

/** What a used link gives the learner page: a learner's bearer token for the platform's APIs. */
export interface LearnerSession {
  accessToken: string;
  expiresAt: string;
  learnerId: string;
}

/** The anonymous caller of the learner page: named by what it asked for, never by an address. */
const anonymous = (signInId: string): CommandContext => ({
  actor: { subject: `learner-page:${signInId}`, role: 'anonymous' },
  correlationId: signInId,
});

/**
 * Learners sign in to their page with a one-time link sent to the address their university enrolled them with.
 * Asking for a link answers the same whether the address is known or not; using it opens a session once.
 * Sessions are the platform's own learner tokens, so they need its token key (AUTH_JWT_SECRET): where an
 * identity provider issues the tokens (AUTH_JWKS_URL), learners sign in there instead.
 */
export class LearnerSignIns {
  private readonly logger = new Logger(LearnerSignIns.name);
  /** When each learner's recent links were asked for (epoch ms), oldest learner first. */
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly addresses: LearnerAddressBook,
    private readonly links: SignInLinks,
    private readonly auth: AuthSettings,
  ) {}

  get available(): boolean {
    return !this.auth.AUTH_JWKS_URL && Boolean(this.auth.AUTH_JWT_SECRET);
  }

  /** Sends a link to each learner reached at `email` (normally one); how many is never told to the caller. */
  async request(email: string): Promise<void> {
    this.requireAvailable();
    for (const { learnerId } of await this.addresses.learnersAt(email)) {
      if (!this.mayAskAgain(learnerId)) {
        this.logger.warn({ learnerId }, 'sign-in link not sent: too many asked for this learner within 15 minutes');
        continue;
      }
      const signInId = randomUUID();
      await this.aggregates.learnerSignIn.handle(
        signInId,
        { type: 'RequestLearnerSignIn', signInId, learnerId, ttlSeconds: SIGN_IN_LINK_TTL_SECONDS },
        anonymous(signInId),
      );
    }
  }

  /** Uses a link: a session for its learner, or the one refusal for any link that cannot open one. */
  async complete(token: unknown): Promise<LearnerSession> {
    this.requireAvailable();
    const signInId = this.links.signInOf(token);
    if (!signInId) throw signInRefused();
    const result = await this.aggregates.learnerSignIn.handle(
      signInId,
      { type: 'CompleteLearnerSignIn', signInId, sessionSeconds: LEARNER_SESSION_SECONDS },
      anonymous(signInId),
    );
    const learnerId = result.state!.learnerId;
    const accessToken = await mintToken({ subject: learnerId, role: 'learner' }, this.auth, LEARNER_SESSION_SECONDS);
    this.logger.log({ signInId }, 'learner signed in with a one-time link');
    return { accessToken, learnerId, expiresAt: new Date(Date.now() + LEARNER_SESSION_SECONDS * 1000).toISOString() };
  }

  private mayAskAgain(learnerId: string): boolean {
    const now = Date.now();
    const times = (this.recent.get(learnerId) ?? []).filter((t) => now - t < SIGN_IN_LINK_TTL_SECONDS * 1000);
    if (times.length >= MAX_LINKS_PER_LEARNER) return false;
    this.recent.delete(learnerId);
    this.recent.set(learnerId, [...times, now]);
    if (this.recent.size > REMEMBERED_LEARNERS) this.recent.delete(this.recent.keys().next().value!);
    return true;
  }

  private requireAvailable(): void {
    if (!this.available) {
      throw new IssuanceException(
        'issuance.learner-sign-in.unavailable',
        "Sign-in by e-mail link needs the platform's own token key: with an identity provider configured (AUTH_JWKS_URL), learners sign in through it.",
      );
    }
  }
}
