import { GetResultHandler } from './get-result';
import { ListResultsHandler } from './list-results';

export * from './get-result';
export * from './list-results';
export * from './result-view';

export const ASSESSMENT_QUERY_HANDLERS = [GetResultHandler, ListResultsHandler];
