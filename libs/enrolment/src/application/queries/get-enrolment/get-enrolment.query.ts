import { IsNotEmpty, IsString } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Reads one enrolment; queries carry the same actor and correlation as commands. */
export class GetEnrolmentQuery extends BaseCommand {
  @IsString()
  @IsNotEmpty()
  enrolmentId!: string;
}
