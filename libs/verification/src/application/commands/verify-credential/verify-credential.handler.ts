import { Inject, Injectable } from '@nestjs/common';
import { type CommandHandler, createCommandHandler, type EventStore, streamName } from '@alliance/event-sourcing';
import { EVENT_STORE } from '@alliance/nest-kit';
import { v7 as uuidv7 } from 'uuid';
import { verificationDecider, type RecordVerification } from '../../../domain/verification/verification.decider';
import type { VerificationEvent } from '../../../domain/verification/verification.events';
import type { CredentialVerifier, VerificationReport } from '../../verify/credential-verifier';
import { CREDENTIAL_NOTES, CREDENTIAL_VERIFIER } from '../../verification.tokens';
import type { CredentialNotes } from '../../ports/credential-notes.port';
import type { VerifyCredentialCommand } from './verify-credential.command';

export type RecordedReport = VerificationReport & { verificationId: string };

/** Runs every check, records that a verification happened (not who asked), and returns the report. */
@Injectable()
export class VerifyCredentialHandler {
  private readonly verifications: CommandHandler<RecordVerification, { recorded: boolean }, VerificationEvent>;

  constructor(
    @Inject(CREDENTIAL_VERIFIER) private readonly verifier: CredentialVerifier,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CREDENTIAL_NOTES) private readonly notes: CredentialNotes,
  ) {
    this.verifications = createCommandHandler({ store, decider: verificationDecider });
  }

  async execute(command: VerifyCredentialCommand): Promise<RecordedReport> {
    const report = await this.verifier.verify(command.credential);
    const verificationId = uuidv7();
    const documentId = (command.credential as { id?: unknown } | null)?.id;
    const credentialId = typeof documentId === 'string' ? await this.notes.issuedHere(documentId) : undefined;
    await this.verifications.handle(
      streamName('verification', 'verification', verificationId),
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
    return { verificationId, ...report };
  }
}

const kebab = (code: string) => code.toLowerCase().replace(/_/g, '-');
