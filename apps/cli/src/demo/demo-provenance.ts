import type { DemoContext, DemoMember } from './demo-context';
import { type IssuedCredential, proofsOf } from './demo-credential';
import { waitFor } from './demo-wait';

/** The audit service's provenance of a credential (see libs/audit): a summary and every event, causes first. */
export interface Provenance {
  credentialId: string;
  summary: {
    definition?: { specId: string; version: number; approvals: unknown[] };
    enrolment?: { enrolmentId: string };
    results: unknown[];
    signatures: { institutionId: string; verificationMethod: string }[];
    status: unknown[];
    verifications: unknown[];
  };
  timeline: { step: string; store: string; type: string; occurredAt: string; actor: { subject?: string; role?: string } }[];
}

/**
 * Asks the audit service, as an auditor, how the credential came to be. The audit reads every store, so it
 * knows the signatures at once; waiting still covers a store it reads through a replica that lags.
 */
export async function fetchProvenance(ctx: DemoContext, issued: IssuedCredential): Promise<Provenance> {
  const auditor = await ctx.token('auditor');
  const proofs = proofsOf(issued.credential).length;
  let seen: Provenance | undefined;
  const provenance = await waitFor(
    'the audit service to trace the credential',
    async () => {
      const answer = await ctx.clients.audit.send<Provenance>('GET', `/credentials/${issued.credentialId}/provenance`, {
        bearer: auditor,
        accept: [404],
      });
      if (answer.status === 404) return undefined;
      seen = answer.body;
      return seen.summary.signatures.length >= proofs && seen.summary.verifications.length > 0 ? seen : undefined;
    },
    ctx.patience,
    () =>
      seen
        ? `${seen.summary.signatures.length} of ${proofs} signatures, ${seen.summary.verifications.length} verifications`
        : 'credential not known yet',
  );
  const stores = [...new Set(provenance.timeline.map((e) => e.store))];
  ctx.step(`provenance from the audit service: ${provenance.timeline.length} events across ${stores.join(', ')}`);
  return provenance;
}

/** One line per event of the timeline, for a reader rather than a program: institutions by name, not id. */
export function provenanceLines(provenance: Provenance, members: DemoMember[] = []): string[] {
  const named = (text: string) => members.reduce((t, m) => t.split(m.id).join(m.name), text);
  return provenance.timeline.map((e) =>
    named(
      `${e.occurredAt}  ${e.store.padEnd(12)} ${e.type.padEnd(26)} ${e.actor?.role ?? ''}${e.actor?.subject ? ` ${e.actor.subject}` : ''}`,
    ).trimEnd(),
  );
}
