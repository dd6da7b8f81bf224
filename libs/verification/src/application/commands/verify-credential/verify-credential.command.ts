import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, ValidateNested } from 'class-validator';
import type { CommandContext } from '@alliance/event-sourcing';
import { Command } from '@nestjs/cqrs';
import { VerificationException } from '../../../domain/verification.exception';
import type { RecordedReport } from './verify-credential.handler';

class Requester {
  @IsString()
  @IsNotEmpty()
  subject!: string;
}

/** Check a presented credential. Anyone may: the requester is recorded only as "public" or by their token's subject. */
export class VerifyCredentialCommand extends Command<RecordedReport> {
  /** The presented document, unvalidated on purpose: malformed credentials are findings of the report. */
  credential!: unknown;

  @ValidateNested()
  @Type(() => Requester)
  actor!: Requester & { role?: string; institution?: string };

  @IsString()
  @IsNotEmpty()
  correlationId!: string;

  static create(props: {
    credential: unknown;
    actor: { subject: string; role?: string; institution?: string };
    correlationId: string;
  }): VerifyCredentialCommand {
    // Checked by hand, as the decorators say: class-validator looks its metadata up among every decorated class
    // of the process, about a tenth of the CPU of a verification answered from the result cache.
    const invalid = [
      nonEmptyText(props.actor?.subject) ? undefined : 'actor',
      nonEmptyText(props.correlationId) ? undefined : 'correlationId',
    ].filter((p) => p !== undefined);
    if (invalid.length > 0) throw new VerificationException('verification.command.invalid', invalid.join(', ') + ' invalid', invalid[0]);
    const command = new VerifyCredentialCommand();
    command.credential = props.credential;
    command.actor = Object.assign(new Requester(), props.actor);
    command.correlationId = props.correlationId;
    return command;
  }

  context(): CommandContext {
    return { actor: { ...this.actor }, correlationId: this.correlationId };
  }
}

const nonEmptyText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
