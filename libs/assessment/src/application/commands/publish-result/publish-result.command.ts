import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ResultRowInput } from '../../batch/result-row.input';
import { BaseCommand } from '../../base.command';

/** Publishes one learner's result for one component of the registrar's own institution; the result is its id. */
export class PublishResultCommand extends BaseCommand<string> {
  /** Client-chosen id: retrying the same request then records the result once. */
  @IsOptional()
  @IsUUID()
  resultId?: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => ResultRowInput)
  result!: ResultRowInput;
}
