import { setGlobalConfig } from '@openid4vc/oauth2';
import { postJson, redeemedOffer } from './redeemed-offer';
import { startTestIssuer, type TestIssuer } from './test-issuer-server';

/** The issuer a spec's tests run against, started afresh for each test. */
export interface TestIssuerEnvironment {
  /** The issuer of the running test. */
  readonly issuer: TestIssuer;
  /** With a controlled clock: the issuer's "now" in epoch milliseconds, set to `Date.now()` before each test; tests move it on. */
  clock: number;
  /** An offer redeemed by a new wallet on `at` (the test's issuer unless told otherwise); see {@link redeemedOffer}. */
  redeemed(configurationIds?: string[], at?: TestIssuer): ReturnType<typeof redeemedOffer>;
  /** A JSON POST to the test's issuer; see {@link postJson}. */
  post(path: string, body: unknown, accessToken?: string): ReturnType<typeof postJson>;
}

/**
 * Registers the hooks every issuer spec shares: the library accepts the test server's plain http URLs for the
 * spec's duration (it only accepts https unless told otherwise), and each test gets its own issuer on 127.0.0.1,
 * closed after it. With `controlledClock` the issuer reads the time from `clock`; otherwise it uses the real clock.
 */
export function useTestIssuer(options: { controlledClock?: boolean } = {}): TestIssuerEnvironment {
  beforeAll(() => setGlobalConfig({ allowInsecureUrls: true }));
  afterAll(() => setGlobalConfig({ allowInsecureUrls: false }));

  let current: TestIssuer | undefined;
  const environment: TestIssuerEnvironment = {
    clock: 0,
    get issuer(): TestIssuer {
      if (!current) throw new Error('the test issuer runs only inside a test');
      return current;
    },
    redeemed: (configurationIds, at = environment.issuer) => redeemedOffer(at, configurationIds),
    post: (path, body, accessToken) => postJson(environment.issuer, path, body, accessToken),
  };
  beforeEach(async () => {
    environment.clock = Date.now();
    current = await startTestIssuer(options.controlledClock ? () => new Date(environment.clock) : undefined);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return environment;
}
