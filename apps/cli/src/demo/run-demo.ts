import { type DemoDefinition, seedAlliance } from './demo-alliance';
import type { DemoContext, DemoMember, DemoTokens } from './demo-context';
import { awaitCoSignedCredential, type SignedCredential } from './demo-credential';
import { DemoError } from './demo-http';
import { enrolLearner, publishResults, type DemoEnrolment } from './demo-learner';
import { fetchProvenance, type Provenance } from './demo-provenance';
import { DEMO_SERVICES, demoClients, type DemoUrls } from './demo-services';
import { verifyAsEmployer, type VerificationReport } from './demo-verification';
import type { Patience } from './demo-wait';

export interface RunDemoOptions {
  urls: DemoUrls;
  token: DemoTokens;
  patience: Patience;
  /** Told each step once it is done, in plain words. */
  step(line: string): void;
}

export interface DemoOutcome {
  members: DemoMember[];
  definition: DemoDefinition;
  enrolment: DemoEnrolment;
  credentialId: string;
  credential: SignedCredential;
  verification: VerificationReport;
  provenance: Provenance;
}

/**
 * The whole story against a running platform, over HTTP only: the alliance and its members' keys, a joint
 * definition approved and published, a learner enrolled and assessed by each owning university, the
 * co-signed credential, an employer's verification, and the auditor's provenance.
 */
export async function runDemo(options: RunDemoOptions): Promise<DemoOutcome> {
  const clients = demoClients(options.urls);
  const ctx: DemoContext = { clients, token: options.token, patience: options.patience, step: options.step };
  await ensureReady(ctx);
  const { members, definition } = await seedAlliance(ctx);
  const enrolment = await enrolLearner(ctx, definition);
  await publishResults(ctx, definition, enrolment);
  const issued = await awaitCoSignedCredential(ctx, definition, enrolment);
  const verification = await verifyAsEmployer(ctx, issued);
  const provenance = await fetchProvenance(ctx, issued);
  return { members, definition, enrolment, credentialId: issued.credentialId, credential: issued.credential, verification, provenance };
}

/** Fails before writing anything when a service is missing or refuses our tokens, rather than halfway through. */
async function ensureReady({ clients, token }: DemoContext): Promise<void> {
  for (const service of DEMO_SERVICES) {
    const answer = await clients[service].send<{ status?: string }>('GET', '/health/ready', { accept: [503] });
    if (answer.status !== 200) {
      throw new DemoError(
        `the ${service} service at ${clients[service].baseUrl} is not ready (${JSON.stringify(answer.body)}): wait for "platform ready" in its log, then run the demo again.`,
      );
    }
  }
  await clients.catalogue.json('GET', '/institutions?limit=1', { bearer: await token('alliance-admin') });
}
