import { AmendResultHandler } from './amend-result';
import { PublishResultHandler } from './publish-result';
import { PublishResultBatchHandler } from './publish-result-batch';

export * from './amend-result';
export * from './publish-result';
export * from './publish-result-batch';

/** Every command handler of the context, for the Nest module. */
export const ASSESSMENT_COMMAND_HANDLERS = [PublishResultHandler, PublishResultBatchHandler, AmendResultHandler];
