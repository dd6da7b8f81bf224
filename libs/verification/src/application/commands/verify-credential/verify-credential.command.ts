import { plainToInstance, Type } from 'class-transformer';
import { IsNotEmpty, IsString, ValidateNested, validateSync } from 'class-validator';
import type { CommandContext } from '@alliance/event-sourcing';
import { VerificationException } from '../../../domain/verification.exception';

class Requester {
  @IsString()
  @IsNotEmpty()
  subject!: string;
}

/** Check a presented credential. Anyone may: the requester is recorded only as "public" or by their token's subject. */
export class VerifyCredentialCommand {
  /** The presented document, unvalidated on purpose: malformed credentials are findings of the report. */
  credential!: unknown;

  @ValidateNested()
  @Type(() => Requester)
  actor!: Requester & { role?: string; institution?: string };

  @IsString()
  @IsNotEmpty()
  correlationId!: string;

  static create(props: { credential: unknown; actor: { subject: string; role?: string; institution?: string }; correlationId: string }): VerifyCredentialCommand {
    const command = plainToInstance(VerifyCredentialCommand, { actor: props.actor, correlationId: props.correlationId });
    command.credential = props.credential;
    const errors = validateSync(command);
    if (errors.length > 0) throw new VerificationException('command.invalid', errors.map((e) => e.property).join(', ') + ' invalid', 400, errors[0].property);
    return command;
  }

  context(): CommandContext {
    return { actor: { ...this.actor }, correlationId: this.correlationId };
  }
}
