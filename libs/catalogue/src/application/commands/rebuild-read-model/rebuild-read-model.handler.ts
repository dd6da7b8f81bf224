import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueReadModel, type RebuildResult } from '../../../infrastructure/read-model/catalogue-read-model';
import { RebuildReadModelCommand } from './rebuild-read-model.command';

@CommandHandler(RebuildReadModelCommand)
export class RebuildReadModelHandler implements ICommandHandler<RebuildReadModelCommand> {
  constructor(private readonly readModel: CatalogueReadModel) {}

  execute(command: RebuildReadModelCommand): Promise<RebuildResult> {
    return this.readModel.rebuild(command.mode);
  }
}
