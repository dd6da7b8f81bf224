import { SERVICE_CONFIG, type ServiceConfig } from '@alliance/nest-kit';
import { Inject, Injectable } from '@nestjs/common';
import { didBaseUrl } from '../../catalogue.config';
import { CatalogueException } from '../../domain/catalogue.exception';
import { type DidDocument, didDocumentOf } from '../../domain/institution/did-document';
import { type KeyValidity, keyValidityAt } from '../../domain/institution/key-validity';
import type { Institution } from '../../domain/institution/institution.state';
import { CatalogueReadModel } from '../../infrastructure/read-model/catalogue-read-model';
import { InstitutionRows } from '../../infrastructure/read-model/institution-rows';
import { institutionView, type InstitutionView } from './institution.views';
import { type Page, type PageRequest, pageWindow } from './page';

export interface InstitutionFilter extends PageRequest {
  status?: string;
  countryCode?: string;
  /** Part of the name, case-insensitive. */
  q?: string;
}

export interface KeyValidityView extends KeyValidity {
  institutionId: string;
  did: string;
}

@Injectable()
export class InstitutionQueries {
  constructor(
    private readonly readModel: CatalogueReadModel,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async list(filter: InstitutionFilter): Promise<Page<InstitutionView>> {
    const { limit, offset } = pageWindow(filter);
    const where = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.countryCode ? { countryCode: filter.countryCode.toUpperCase() } : {}),
      ...(filter.q ? { nameKey: { $like: `%${escapeLike(filter.q.trim().toLowerCase())}%` } } : {}),
    };
    const [rows, total] = await this.readModel.em().findAndCount(this.readModel.entity(InstitutionRows), where, {
      orderBy: { nameKey: 'asc', id: 'asc' },
      limit,
      offset,
    });
    const now = new Date().toISOString();
    return { items: rows.map((r) => institutionView(r.state, r.updatedAt, didBaseUrl(this.config), now)), total, limit, offset };
  }

  async get(institutionId: string): Promise<InstitutionView> {
    const row = await this.row(institutionId);
    return institutionView(row.state, row.updatedAt, didBaseUrl(this.config), new Date().toISOString());
  }

  async didDocument(institutionId: string): Promise<DidDocument> {
    const { state } = await this.row(institutionId);
    return didDocumentOf(state.did, state.keys, state.homepage, new Date().toISOString());
  }

  /** "Was this key valid for this institution at `at`?" — from the full key and membership history. */
  async keyValidity(institutionId: string, keyId: string, at: string): Promise<KeyValidityView> {
    const { state } = await this.row(institutionId);
    const key = findKey(state, keyId);
    if (!key) throw new CatalogueException('catalogue.signing-key-not-found', `No signing key ${keyId}.`, 'keyId');
    return { institutionId, did: state.did, ...keyValidityAt(key, state.statusHistory, at) };
  }

  private async row(institutionId: string) {
    const row = await this.readModel.em().findOne(this.readModel.entity(InstitutionRows), { id: institutionId });
    if (!row) throw new CatalogueException('catalogue.institution-not-found', `No institution ${institutionId}.`);
    return row;
  }
}

/** A key by its id, or by its full verification method URL (what a proof names). */
function findKey(state: Institution, keyId: string) {
  return state.keys.find((k) => k.keyId === keyId || k.verificationMethodId === keyId);
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
