import type { DemoContext } from './demo-context';
import type { IssuedCredential } from './demo-credential';
import { DemoError } from './demo-http';
import { waitFor } from './demo-wait';

export interface VerificationReport {
  verdict: 'valid' | 'invalid' | 'indeterminate';
  failure?: { check: string; reason: string; code?: string };
  checks: { id: string; outcome: string; summary: string }[];
  credential?: { awardingBodies?: { name?: string }[] };
}

/** Verification learns members' keys from the catalogue over the bus; a fresh key may reach it a moment late. */
const REGISTRY_GRACE_MS = 20_000;

/**
 * The employer's side: no token, only the credential as the learner would hand it over. A verdict other
 * than valid is retried for a short while (the registry may still be learning the keys), then reported.
 */
export async function verifyAsEmployer(ctx: DemoContext, issued: IssuedCredential): Promise<VerificationReport> {
  let report: VerificationReport | undefined;
  const verify = async () => {
    report = await ctx.clients.verification.json<VerificationReport>('POST', '/verifications', { body: issued.credential });
    return report.verdict === 'valid' ? report : undefined;
  };
  const patience = { ...ctx.patience, timeoutMs: Math.min(ctx.patience.timeoutMs, REGISTRY_GRACE_MS) };
  try {
    await waitFor('a valid verdict from the verification service', verify, patience, () => report && describe(report));
  } catch (e) {
    if (!report) throw e;
  }
  const final = report!;
  const passed = final.checks.filter((c) => c.outcome === 'passed').map((c) => c.id);
  if (final.verdict !== 'valid') {
    throw new DemoError(
      `employer verification: ${final.verdict.toUpperCase()} (${describe(final)}); the full report:\n${JSON.stringify(final, null, 2)}`,
    );
  }
  ctx.step(`employer verification: VALID (${passed.length} of ${final.checks.length} checks passed: ${passed.join(', ')})`);
  return final;
}

function describe(report: VerificationReport): string {
  if (report.failure) return `${report.failure.check}: ${report.failure.reason}`;
  const open = report.checks.filter((c) => c.outcome !== 'passed' && c.outcome !== 'not-applicable');
  return open.length ? open.map((c) => `${c.id} ${c.outcome}: ${c.summary}`).join('; ') : report.verdict;
}
