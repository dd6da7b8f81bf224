import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { VerificationTally } from '../../../domain/retention/verification-tally';
import { VerificationAggregates } from '../../verification-aggregates';
import { CredentialVerifier, type VerificationReport } from '../../verify/credential-verifier';
import { VerificationResultCache } from '../../verify/verification-result-cache';
import { statusFingerprint } from '../../verify/status-fingerprint';
import { STATUS_LISTS, VERIFICATION_RESULTS } from '../../verification.tokens';
import { CredentialNotes } from '../../ports/credential-notes.port';
import type { WebFetcher } from '../../ports/web-fetcher.port';
import { VerifyCredentialCommand } from './verify-credential.command';

export type RecordedReport = VerificationReport & { verificationId: string };

type Checked = { report: VerificationReport; verdict: VerificationReport['verdict']; credentialId?: string };

/**
 * Runs every check (or reuses the result for the same document and the same status lists, see
 * VerificationResultCache), records that a
 * verification happened (not who asked) when the tally says so, counts it otherwise, and returns the report.
 */
@CommandHandler(VerifyCredentialCommand)
export class VerifyCredentialHandler implements ICommandHandler<VerifyCredentialCommand> {
  constructor(
    private readonly verifier: CredentialVerifier,
    private readonly aggregates: VerificationAggregates,
    private readonly notes: CredentialNotes,
    @Inject(VERIFICATION_RESULTS) private readonly results: VerificationResultCache<Checked>,
    private readonly tally: VerificationTally,
    @Inject(STATUS_LISTS) private readonly statusLists: WebFetcher,
  ) {}

  async execute(command: VerifyCredentialCommand): Promise<RecordedReport> {
    const documentId = (command.credential as { id?: unknown } | null)?.id;
    const subject = typeof documentId === 'string' ? documentId : undefined;
    const check = async (): Promise<Checked> => {
      const checked = await this.verifier.verify(command.credential);
      const issuedHere = subject ? await this.notes.issuedHere(subject) : undefined;
      return { report: checked, verdict: checked.verdict, ...(issuedHere ? { credentialId: issuedHere } : {}) };
    };
    // A result is reused only for the same document while its status lists read the same (fetched as the status check fetches them).
    const status = await statusFingerprint(command.credential, this.statusLists);
    // A member's own DID document is read live and may change unannounced: such a report is not reused.
    const { report, credentialId } =
      status === undefined
        ? await check()
        : await this.results.get(
            `${VerificationResultCache.keyOf(command.credential)}.${VerificationResultCache.keyOf(status)}`,
            check,
            (r) => !r.report.checks.some((c) => c.id === 'did-documents'),
          );
    const verificationId = uuidv7();
    const at = new Date().toISOString();
    if (
      this.tally.admit({ at, verdict: report.verdict, ...(subject ? { subject } : {}), ...(credentialId ? { credentialId } : {}) }) ===
      'record'
    ) {
      await this.aggregates.verification.handle(
        verificationId,
        {
          type: 'RecordVerification',
          outcome: {
            verificationId,
            ...(credentialId ? { credentialId } : {}),
            verdict: report.verdict,
            failedChecks: report.checks.filter((c) => c.outcome === 'failed').map((c) => kebab(c.problems[0]?.code ?? c.id)),
            uncheckedChecks: report.checks.filter((c) => c.outcome === 'could-not-check').map((c) => c.id),
            checkedAt: report.checkedAt,
          },
        },
        command.context(),
      );
    }
    return { verificationId, ...report };
  }
}

const kebab = (code: string) => code.toLowerCase().replace(/_/g, '-');
