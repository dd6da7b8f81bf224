import { Injectable } from '@nestjs/common';
import { InstitutionDirectory } from '../../application/institution-directory';
import { CatalogueReadModel } from './catalogue-read-model';
import { InstitutionRows } from './institution-rows';

/** Uniqueness lookups on the members table (a write waits for its own projection, so the table is current). */
@Injectable()
export class ReadModelInstitutionDirectory extends InstitutionDirectory {
  constructor(private readonly readModel: CatalogueReadModel) {
    super();
  }

  async idByDid(did: string): Promise<string | undefined> {
    return (await this.readModel.em().findOne(this.readModel.entity(InstitutionRows), { did }))?.id;
  }

  async idByName(name: string): Promise<string | undefined> {
    return (await this.readModel.em().findOne(this.readModel.entity(InstitutionRows), { nameKey: name.trim().toLowerCase() }))?.id;
  }
}
