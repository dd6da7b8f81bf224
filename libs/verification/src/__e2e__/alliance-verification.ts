import {
  createTestTls,
  type DidWebTestServer,
  type JsonObject,
  startDidWebServer,
  startTrustingDidWebResolver,
  type TestTls,
  type TrustingDidWebResolver,
} from '@alliance/credentials';
import type { Response } from 'supertest';
import { allianceFixture } from '../application/__fixtures__/alliance-credential.fixture';
import type { MemberDidDocuments } from '../application/ports/member-did-documents.port';
import { registration } from './catalogue-messages';
import { eventually, startStatusServer, startVerification, type VerificationApp } from './verification-app';

export type AllianceFixture = Awaited<ReturnType<typeof allianceFixture>>;
export type StatusServer = Awaited<ReturnType<typeof startStatusServer>>;

/** The verification service with both of a fixture's members registered. */
export interface AllianceVerification {
  v: VerificationApp;
  f: AllianceFixture;
  close(): Promise<void>;
}

/** The same, reading issuance's status lists from a local server. */
export interface AllianceVerificationWithStatusLists extends AllianceVerification {
  status: StatusServer;
}

export interface AllianceVerificationOptions {
  env?: Record<string, string>;
  fixture?: Parameters<typeof allianceFixture>[0];
  memberDidDocuments?: MemberDidDocuments;
  /** What the test started for the service (a local server): closed after it, or when starting fails. */
  beside?: { close(): Promise<void> };
}

/**
 * Starts what `start` answers before the suite's tests and closes it after them. The answer's fields are readable
 * from the tests on; `start` stops whatever it started when it fails.
 */
export function perSuite<T extends { close(): Promise<void> }>(start: () => Promise<T>): T {
  const started = {} as T;
  beforeAll(async () => void Object.assign(started, await start()), 60_000);
  afterAll(() => started.close?.());
  return started;
}

/** Tells verification of both of the fixture's members, as the catalogue announces them. */
export function registerMembers(v: VerificationApp, f: Pick<AllianceFixture, 'A' | 'B'>): Promise<void> {
  return v.bus.publish([...registration(f.A), ...registration(f.B)]);
}

/** Verification settings naming status lists under issuance's public URL and fetching them from `status`. */
function readingStatusListsFrom(status: StatusServer): Record<string, string> {
  return { VERIFICATION_ISSUANCE_PUBLIC_URL: 'https://issuance.alliance.example', VERIFICATION_ISSUANCE_INTERNAL_URL: status.url };
}

/** POSTs `body` to /verifications and answers the report, expecting 200. */
export async function postVerification<Report = Response['body']>(v: VerificationApp, body: unknown): Promise<Report> {
  return (
    await v
      .http()
      .post('/verifications')
      .send(body as object)
      .expect(200)
  ).body as Report;
}

/** Waits until verification calls `credential` valid: until the registry events it was sent are in. */
export function untilValid(v: VerificationApp, credential: unknown): Promise<true> {
  return eventually(async () => ((await postVerification(v, credential)).verdict === 'valid' ? true : undefined));
}

/** A credential signed by a throw-away did:key whose issuer gives `name` and an address in `countryCode`. */
export async function outsiderCredential(f: AllianceFixture, name: string, countryCode: string): Promise<JsonObject> {
  const { credential } = await f.outsider((id) => ({ id, name, address: { type: ['Address'], addressCountryCode: countryCode } }));
  return credential;
}

/** The verification service, then a fresh fixture whose two members it is told of. */
export async function startWithMembers(options: AllianceVerificationOptions = {}): Promise<AllianceVerification> {
  const closeBeside = async () => options.beside?.close();
  const v = await startVerification(options.env, { memberDidDocuments: options.memberDidDocuments }).catch(async (error: unknown) => {
    await closeBeside();
    throw error;
  });
  const close = async () => {
    await v.close();
    await closeBeside();
  };
  try {
    const f = await allianceFixture(options.fixture);
    await registerMembers(v, f);
    return { v, f, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The same, reading issuance's status lists from a local server that serves the fixture's list with nothing set at
 * its credential's index. `options.env` adds to those settings.
 */
export async function startWithStatusLists(options: AllianceVerificationOptions = {}): Promise<AllianceVerificationWithStatusLists> {
  const status = await startStatusServer();
  const beside = {
    async close() {
      await status.close();
      await options.beside?.close();
    },
  };
  const started = await startWithMembers({ ...options, env: { ...readingStatusListsFrom(status), ...options.env }, beside });
  try {
    status.serve('/status-lists/list-1', await started.f.statusList(0));
    return { ...started, status };
  } catch (error) {
    await started.close();
    throw error;
  }
}

/** A member's own domain: a local HTTPS server for its did:web documents, with a certificate a test CA issued. */
export async function startMemberDomain(): Promise<{ tls: TestTls; web: DidWebTestServer; close(): Promise<void> }> {
  const tls = createTestTls();
  const web = await startDidWebServer(tls.server).catch((error: unknown) => {
    tls.remove();
    throw error;
  });
  return {
    tls,
    web,
    async close() {
      await web.close();
      tls.remove();
    },
  };
}

/** The same, with the production did:web resolver in a process that trusts the test CA. */
export async function startTrustedMemberDomain(): Promise<{
  web: DidWebTestServer;
  resolver: TrustingDidWebResolver;
  close(): Promise<void>;
}> {
  const domain = await startMemberDomain();
  const resolver = await startTrustingDidWebResolver(domain.tls.caFile).catch(async (error: unknown) => {
    await domain.close();
    throw error;
  });
  return {
    web: domain.web,
    resolver,
    async close() {
      await resolver.close();
      await domain.close();
    },
  };
}
