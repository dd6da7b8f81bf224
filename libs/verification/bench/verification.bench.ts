/**
 * Verification throughput: every check of the report (schema, each proof, co-issuance, registry keys at
 * validFrom, status list fetched and its proof verified, validity period, Annex I) on co-issued credentials.
 * The status list "fetch" is served from memory, so the figure is the verifier's own work, not the network's.
 */
import type { JsonObject } from '@alliance/credentials';
import type { RegisteredInstitution } from '../src/domain/registry/registered-institution';
import { CredentialVerifier } from '../src/application/verify/credential-verifier';

export interface VerificationBenchResult {
  verified: number;
  seconds: number;
  perSecond: number;
  verdicts: Record<string, number>;
}

/** `contextBaseUrls`: where the issuing platform serves the contexts the documents name (read from the pinned copies). */
export async function benchVerification(
  documents: JsonObject[],
  members: RegisteredInstitution[],
  statusLists: Record<string, JsonObject>,
  seconds: number,
  concurrency: number,
  contextBaseUrls: readonly string[] = [],
): Promise<VerificationBenchResult> {
  const verifier = new CredentialVerifier({
    contextBaseUrls,
    registry: { all: async () => members },
    statusLists: {
      fetchJson: async (url) => (statusLists[url] ? { ok: true, url, json: statusLists[url] } : { ok: false, url, error: 'not served' }),
    },
  });
  const verdicts: Record<string, number> = {};
  let n = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const report = await verifier.verify(documents[n++ % documents.length]);
      verdicts[report.verdict] = (verdicts[report.verdict] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { verified: n, seconds: elapsed, perSecond: n / elapsed, verdicts };
}
