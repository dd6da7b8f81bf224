import { randomBytes } from 'node:crypto';
import { InMemoryEventStore } from '@alliance/event-sourcing';
import { TokenVerifier } from '@alliance/nest-kit';
import { InMemoryLearnerAddressBook } from '../__fixtures__/in-memory-learner-address-book';
import { IssuanceAggregates } from '../issuance-aggregates';
import { LearnerSignIns, MAX_LINKS_PER_LEARNER } from './learner-sign-ins';
import { SignInLinks } from './sign-in-links';

const AUTH = {
  AUTH_JWT_SECRET: 'a-local-token-key-of-at-least-32-characters',
  AUTH_ISSUER: 'alliance-platform',
  AUTH_AUDIENCE: 'alliance-api',
};

async function setup(auth: Record<string, string> = AUTH) {
  const store = new InMemoryEventStore();
  const aggregates = new IssuanceAggregates(store);
  const addresses = new InMemoryLearnerAddressBook();
  await addresses.add({ learnerId: 'learner-1', awardId: 'a1' }, 'ada@example.org');
  const links = new SignInLinks(randomBytes(32));
  const signIns = new LearnerSignIns(aggregates, addresses, links, auth as typeof AUTH);
  const requested = async () => {
    const found: { signInId: string; learnerId: string }[] = [];
    for await (const e of store.readAll()) if (e.type === 'LearnerSignInRequested') found.push(e.data as (typeof found)[number]);
    return found;
  };
  return { signIns, links, requested };
}

describe('LearnerSignIns', () => {
  it('records a link only for a known address, at most a few per learner within a link lifetime', async () => {
    const { signIns, requested } = await setup();
    await signIns.request('nobody@example.org');
    expect(await requested()).toEqual([]);
    for (let i = 0; i < MAX_LINKS_PER_LEARNER + 2; i++) await signIns.request('ADA@example.org');
    const made = await requested();
    expect(made).toHaveLength(MAX_LINKS_PER_LEARNER);
    expect(new Set(made.map((r) => r.learnerId))).toEqual(new Set(['learner-1']));
  });

  it("opens a session with the platform's learner token, once per link", async () => {
    const { signIns, links, requested } = await setup();
    await signIns.request('ada@example.org');
    const [{ signInId }] = await requested();
    const session = await signIns.complete(links.tokenOf(signInId));
    expect(await new TokenVerifier(AUTH).verify(session.accessToken)).toEqual({ subject: 'learner-1', role: 'learner' });
    expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(3500_000);
    await expect(signIns.complete(links.tokenOf(signInId))).rejects.toMatchObject({ code: 'issuance.learner-sign-in.link-not-valid' });
    await expect(signIns.complete('forged')).rejects.toMatchObject({ code: 'issuance.learner-sign-in.link-not-valid' });
  });

  it('is unavailable, saying where learners sign in, when an identity provider issues the tokens', async () => {
    const { signIns } = await setup({ ...AUTH, AUTH_JWKS_URL: 'https://idp.example/jwks' });
    expect(signIns.available).toBe(false);
    await expect(signIns.request('ada@example.org')).rejects.toMatchObject({ code: 'issuance.learner-sign-in.unavailable', status: 503 });
  });
});
