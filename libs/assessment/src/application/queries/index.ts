import { GetResultHandler } from './get-result';
import { GetResultBatchHandler } from './get-result-batch';
import { ListResultsHandler } from './list-results';

export * from './get-result';
export * from './get-result-batch';
export * from './list-results';
export * from './result-view';

export const ASSESSMENT_QUERY_HANDLERS = [GetResultHandler, GetResultBatchHandler, ListResultsHandler];
