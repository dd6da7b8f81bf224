import { IsNotEmpty, IsString } from 'class-validator';
import { BaseCommand } from '../../base.command';

export class GetResultQuery extends BaseCommand {
  @IsString()
  @IsNotEmpty()
  resultId!: string;
}
