import { IsNotEmpty, IsString } from 'class-validator';
import { BaseQuery } from '../../base.command';
import type { EnrolmentView } from '../enrolment-view';

/** Reads one enrolment; queries carry the same actor and correlation as commands. */
export class GetEnrolmentQuery extends BaseQuery<EnrolmentView> {
  @IsString()
  @IsNotEmpty()
  enrolmentId!: string;
}
