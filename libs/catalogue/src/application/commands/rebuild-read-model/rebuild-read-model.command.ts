import { Command } from '@nestjs/cqrs';
import type { RebuildResult } from '../../../infrastructure/read-model/catalogue-read-model';

/**
 * Rebuilds the read models from position zero and compares them with the live ones (`replace`: also rebuilds the
 * live tables). An operation on derived data, not a change to the registry: it writes no event, so it carries no actor.
 */
export class RebuildReadModelCommand extends Command<RebuildResult> {
  constructor(readonly mode: 'verify' | 'replace') {
    super();
  }
}
