import { type Ed25519KeyPair, generateEd25519KeyPair } from '@alliance/credentials';
import { registerInstitutionKey } from '@alliance/testing';
import { DEMO_AWARDING_BODIES, DEMO_CREDENTIAL_TITLE, demoCredentialDefinition, ECIU_MEMBERS } from './eciu-demo-data';

export interface SeedDemoOptions {
  /** Base URL of a running catalogue service. */
  baseUrl: string;
  /** A bearer token of an alliance-admin. */
  allianceAdminToken: string;
  /** A bearer token of an institution-admin of this institution (to register its keys and give its approval). */
  institutionAdminToken(institutionId: string): Promise<string>;
  /** Generate an Ed25519 key per member without one and register its public half; the private halves are returned. */
  generateKeys?: boolean;
  /**
   * Gives the members their keys some other way (e.g. keys a signing service holds), once they are registered
   * and before the definition is drafted. A member stays pending until its own admin registers a first key, and
   * a pending member cannot award: any awarding body still without a key afterwards gets a generated one.
   */
  provideKeys?: (institutions: SeedDemoResult['institutions']) => Promise<void>;
  /** Stop once proposed, leaving the approvals to the institutions. */
  publish?: boolean;
  log?: (message: string) => void;
}

export interface SeedDemoResult {
  institutions: { key: string; id: string; name: string; did: string; created: boolean }[];
  credentialSpec: { id: string; title: string; version: number; status: string };
  /** Private keys generated for members (JWK with `d`): hand them to whoever signs for the member; never to the catalogue. */
  privateKeys: { institutionId: string; keyId: string; privateKeyJwk: Record<string, string> }[];
}

/**
 * Seeds a running catalogue over its HTTP API, as an operator would: the ECIU members, then a joint
 * micro-credential taken through proposal, approval by each awarding body, and publication. Re-running it
 * reuses what exists rather than failing.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<SeedDemoResult> {
  const log = options.log ?? (() => undefined);
  const api = client(options.baseUrl);
  const admin = options.allianceAdminToken;
  const institutions: SeedDemoResult['institutions'] = [];
  const privateKeys: SeedDemoResult['privateKeys'] = [];

  for (const { key, ...profile } of ECIU_MEMBERS) {
    let member = await api.send('POST', '/institutions', admin, profile, [409]);
    const created = member.status === 201;
    if (!created) {
      const page = await api.send('GET', `/institutions?q=${encodeURIComponent(profile.name)}`, admin);
      const found = page.body.items.find((i) => i.name === profile.name);
      if (!found) throw new Error(`${profile.name} is neither registrable nor registered: ${JSON.stringify(page.body)}`);
      member = { status: 200, body: found };
    }
    const { id, did } = member.body;
    institutions.push({ key, id, name: profile.name, did, created });
    log(`${created ? 'registered' : 'found'} ${profile.name} (${id})`);
  }
  await options.provideKeys?.(institutions);
  for (const institution of institutions) {
    const { keys, status } = (await api.send('GET', `/institutions/${institution.id}`, admin)).body;
    const awards = (DEMO_AWARDING_BODIES as readonly string[]).includes(institution.key);
    if (keys.length > 0 || !(options.generateKeys || (awards && status === 'pending'))) continue;
    // Registered by the member's own admin with proof of possession: the only way the catalogue binds a key.
    const keyPair = generateEd25519KeyPair();
    const token = await options.institutionAdminToken(institution.id);
    const added = await registerInstitutionKey({
      catalogue: options.baseUrl,
      institutionId: institution.id,
      token,
      keyId: 'key-1',
      keyPair,
      custody: 'institution',
    });
    privateKeys.push({ institutionId: institution.id, keyId: added.keyId, privateKeyJwk: privateJwk(keyPair) });
    log(`  key ${added.keyId} of ${institution.name} registered by its own admin (public half only)`);
  }

  const ids = Object.fromEntries(DEMO_AWARDING_BODIES.map((k) => [k, institutions.find((i) => i.key === k)!.id])) as Record<
    (typeof DEMO_AWARDING_BODIES)[number],
    string
  >;
  const existing = await api.send('GET', `/credential-specs?q=${encodeURIComponent(DEMO_CREDENTIAL_TITLE)}`, admin);
  const spec = existing.body.items.find((s) => s.title === DEMO_CREDENTIAL_TITLE);
  const specId = spec?.id ?? (await api.send('POST', '/credential-specs', admin, demoCredentialDefinition(ids))).body.id;
  log(`${spec ? 'found' : 'drafted'} "${DEMO_CREDENTIAL_TITLE}" (${specId})`);

  let current = (await api.send('GET', `/credential-specs/${specId}`, admin)).body;
  if (current.status === 'draft') current = (await api.send('POST', `/credential-specs/${specId}/propose`, admin)).body;
  if (options.publish !== false && current.status === 'proposed') {
    for (const institutionId of current.current.pendingApprovals) {
      const token = await options.institutionAdminToken(institutionId);
      current = (await api.send('POST', `/credential-specs/${specId}/approvals`, token, { comment: 'Approved for the demo alliance' }))
        .body;
      log(`  approved by ${institutions.find((i) => i.id === institutionId)?.name ?? institutionId}`);
    }
  }
  if (options.publish !== false && current.status === 'approved')
    current = (await api.send('POST', `/credential-specs/${specId}/publish`, admin)).body;
  log(`"${DEMO_CREDENTIAL_TITLE}" is ${current.status} (version ${current.latestVersion})`);
  return {
    institutions,
    credentialSpec: { id: specId, title: DEMO_CREDENTIAL_TITLE, version: current.latestVersion, status: current.status },
    privateKeys,
  };
}

/** The private half as a JWK (with `d`), the form the seed has always handed out. */
function privateJwk(keyPair: Ed25519KeyPair): Record<string, string> {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
  return { kty: 'OKP', crv: 'Ed25519', x: b64(keyPair.publicKey), d: b64(keyPair.secretKey) };
}

/** The few response fields the seed reads; the API's own types live in its OpenAPI document. */
interface Json {
  id: string;
  did: string;
  name: string;
  keys: unknown[];
  items: Json[];
  title: string;
  status: string;
  latestVersion: number;
  current: { pendingApprovals: string[] };
  detail?: string;
}

function client(baseUrl: string) {
  const root = baseUrl.replace(/\/$/, '');
  return {
    /** Sends JSON; any status other than 2xx or an `accepted` one is an error quoting the problem returned. */
    async send(
      method: string,
      path: string,
      token: string,
      body?: unknown,
      accepted: number[] = [],
    ): Promise<{ status: number; body: Json }> {
      const res = await fetch(root + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      const parsed = text ? JSON.parse(text) : undefined;
      if (!res.ok && !accepted.includes(res.status)) {
        throw new Error(`${method} ${path} answered ${res.status}: ${parsed?.detail ?? text}`);
      }
      return { status: res.status, body: parsed };
    },
  };
}
