import { SERVICE_CONFIG, type ServiceConfig } from '@alliance/nest-kit';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { didBaseUrl } from '../../../catalogue.config';
import { CatalogueException } from '../../../domain/catalogue.exception';
import { platformDidWeb } from '../../../domain/institution/institution.rules';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { InstitutionDirectory } from '../../institution-directory';
import { RegisterInstitutionCommand } from './register-institution.command';

@CommandHandler(RegisterInstitutionCommand)
export class RegisterInstitutionHandler implements ICommandHandler<RegisterInstitutionCommand> {
  /** Registrations run one at a time in a process, so the uniqueness checks below cannot interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly aggregates: CatalogueAggregates,
    private readonly directory: InstitutionDirectory,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  execute(command: RegisterInstitutionCommand): Promise<string> {
    const run = this.queue.then(() => this.register(command));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async register(command: RegisterInstitutionCommand): Promise<string> {
    const institutionId = uuidv7();
    const did = command.did ?? platformDidWeb(didBaseUrl(this.config), institutionId);
    const holder = await this.directory.idByDid(did);
    if (holder)
      throw new CatalogueException('catalogue.institution.did-taken', `${did} is already the DID of institution ${holder}`, 'did');
    const namesake = await this.directory.idByName(command.name);
    if (namesake)
      throw new CatalogueException(
        'catalogue.institution.name-taken',
        `an institution named ${command.name} is already registered (${namesake})`,
        'name',
      );
    const { name, legalName, countryCode, region, homepage } = command;
    await this.aggregates.institution.handle(
      institutionId,
      {
        type: 'RegisterInstitution',
        institutionId,
        name,
        legalName,
        countryCode,
        ...(region !== undefined ? { region } : {}),
        homepage,
        did,
      },
      command.commandContext(),
    );
    return institutionId;
  }
}
