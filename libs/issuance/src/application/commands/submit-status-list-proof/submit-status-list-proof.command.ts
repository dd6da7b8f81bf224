import { IsInt, IsObject, IsString, Min } from 'class-validator';
import { SignerCommand } from '../signer.command';

/** An institution's signer hands in its proof over one of its status lists, for the state it was handed out in. */
export class SubmitStatusListProofCommand extends SignerCommand<{ listId: string; changedPosition: number }> {
  @IsString()
  listId!: string;

  @IsInt()
  @Min(0)
  changedPosition!: number;

  @IsObject()
  proof!: Record<string, unknown>;
}
