import { IsNotEmpty, IsString } from 'class-validator';
import { BaseQuery } from '../../base.command';
import type { ResultView } from '../result-view';

/** One result with its amendment history. */
export class GetResultQuery extends BaseQuery<ResultView> {
  @IsString()
  @IsNotEmpty()
  resultId!: string;
}
