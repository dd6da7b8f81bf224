import { Injectable } from '@nestjs/common';
import { CatalogueException } from '../../domain/catalogue.exception';
import { presentFields } from '../../domain/present-fields';
import { CatalogueReadModel } from '../../infrastructure/read-model/catalogue-read-model';
import {
  CredentialSpecBodyRows,
  CredentialSpecRows,
  CredentialSpecVersionRows,
} from '../../infrastructure/read-model/credential-spec-rows';
import { InstitutionRows } from '../../infrastructure/read-model/institution-rows';
import type {
  CredentialSpecSummary,
  CredentialSpecVersionSummary,
  CredentialSpecVersionView,
  CredentialSpecView,
} from './credential-spec.views';
import { escapeLike } from './institution.queries';
import { type Page, type PageRequest, pageWindow } from './page';

export interface CredentialSpecFilter extends PageRequest {
  /** Status of the newest version. */
  status?: string;
  /** Definitions this member awards (newest version). */
  institutionId?: string;
  eqfLevel?: number;
  formOfParticipation?: string;
  /** Part of the title, case-insensitive. */
  q?: string;
}

type SpecRow = {
  id: string;
  createdAt: string;
  updatedAt: string;
  publishedVersion: number | null;
  awardingInstitutionIds: string[];
} & Omit<CredentialSpecSummary, 'id' | 'status' | 'publishedVersion' | 'awardingInstitutionIds' | 'createdAt' | 'updatedAt'> & {
    latestStatus: string;
  };
type VersionRow = Omit<
  CredentialSpecVersionView,
  'credentialSpecId' | 'pendingApprovals' | 'definition' | 'published' | 'proposedAt' | 'publishedAt' | 'retiredAt'
> & {
  specId: string;
  title: string;
  ects: number;
  definition: Omit<CredentialSpecVersionView['definition'], 'awardingBodies'> & {
    awardingBodies: { institutionId: string; lead: boolean }[];
  };
  published: CredentialSpecVersionView['published'] | null;
  proposedAt: string | null;
  publishedAt: string | null;
  retiredAt: string | null;
};

@Injectable()
export class CredentialSpecQueries {
  constructor(private readonly readModel: CatalogueReadModel) {}

  async list(filter: CredentialSpecFilter): Promise<Page<CredentialSpecSummary>> {
    const { limit, offset } = pageWindow(filter);
    const em = this.readModel.em();
    const ids = filter.institutionId
      ? (await em.find(this.readModel.entity(CredentialSpecBodyRows), { institutionId: filter.institutionId })).map((b) => b.specId)
      : undefined;
    const where = {
      ...(ids ? { id: { $in: ids } } : {}),
      ...(filter.status ? { latestStatus: filter.status } : {}),
      ...(filter.eqfLevel !== undefined ? { eqfLevel: filter.eqfLevel } : {}),
      ...(filter.formOfParticipation ? { formOfParticipation: filter.formOfParticipation } : {}),
      ...(filter.q ? { titleKey: { $like: `%${escapeLike(filter.q.trim().toLowerCase())}%` } } : {}),
    };
    const [rows, total] = await em.findAndCount(this.readModel.entity(CredentialSpecRows), where, {
      orderBy: { updatedAt: 'desc', id: 'asc' },
      limit,
      offset,
    });
    return { items: rows.map((r) => summaryOf(r as unknown as SpecRow)), total, limit, offset };
  }

  async get(credentialSpecId: string): Promise<CredentialSpecView> {
    const em = this.readModel.em();
    const row = await em.findOne(this.readModel.entity(CredentialSpecRows), { id: credentialSpecId });
    if (!row) throw new CatalogueException('catalogue.credential-spec-not-found', `No credential spec ${credentialSpecId}.`);
    const versions = (await em.find(
      this.readModel.entity(CredentialSpecVersionRows),
      { specId: credentialSpecId },
      { orderBy: { version: 'asc' } },
    )) as unknown as VersionRow[];
    const latest = versions.find((v) => v.version === row.latestVersion)!;
    return {
      ...summaryOf(row as unknown as SpecRow),
      current: await this.versionView(latest),
      versions: versions.map(versionSummaryOf),
    };
  }

  async version(credentialSpecId: string, version: number): Promise<CredentialSpecVersionView> {
    const row = await this.readModel.em().findOne(this.readModel.entity(CredentialSpecVersionRows), { specId: credentialSpecId, version });
    if (!row) {
      await this.get(credentialSpecId);
      throw new CatalogueException(
        'catalogue.credential-spec-version-not-found',
        `No credential spec version ${credentialSpecId} v${version}.`,
        'version',
      );
    }
    return this.versionView(row as unknown as VersionRow);
  }

  async versions(credentialSpecId: string): Promise<CredentialSpecVersionSummary[]> {
    return (await this.get(credentialSpecId)).versions;
  }

  /** Resolves the awarding bodies against the registry as it is now (published versions keep their snapshot too). */
  private async versionView(row: VersionRow): Promise<CredentialSpecVersionView> {
    const ids = row.definition.awardingBodies.map((b) => b.institutionId);
    const members = new Map(
      (await this.readModel.em().find(this.readModel.entity(InstitutionRows), { id: { $in: ids } })).map((m) => [m.id, m]),
    );
    return {
      credentialSpecId: row.specId,
      version: row.version,
      status: row.status,
      definition: {
        ...row.definition,
        awardingBodies: row.definition.awardingBodies.map((b) => {
          const m = members.get(b.institutionId);
          return m
            ? { ...b, name: m.name, did: m.did, countryCode: m.countryCode, ...(m.region ? { region: m.region } : {}), status: m.status }
            : b;
        }),
      },
      requiredApprovals: row.requiredApprovals,
      approvals: row.approvals,
      pendingApprovals: row.requiredApprovals.filter((id) => !row.approvals.some((a) => a.institutionId === id)),
      ...(row.published ? { published: row.published } : {}),
      history: row.history,
      createdAt: row.createdAt,
      ...(row.proposedAt ? { proposedAt: row.proposedAt } : {}),
      ...(row.publishedAt ? { publishedAt: row.publishedAt } : {}),
      ...(row.retiredAt ? { retiredAt: row.retiredAt } : {}),
    };
  }
}

function summaryOf(row: SpecRow): CredentialSpecSummary {
  return {
    id: row.id,
    title: row.title,
    latestVersion: row.latestVersion,
    status: row.latestStatus as CredentialSpecSummary['status'],
    ...(row.publishedVersion !== null ? { publishedVersion: row.publishedVersion } : {}),
    ects: row.ects,
    eqfLevel: row.eqfLevel,
    formOfParticipation: row.formOfParticipation,
    leadInstitutionId: row.leadInstitutionId,
    awardingInstitutionIds: row.awardingInstitutionIds,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function versionSummaryOf(v: VersionRow): CredentialSpecVersionSummary {
  return {
    version: v.version,
    status: v.status,
    title: v.title,
    ects: v.ects,
    createdAt: v.createdAt,
    ...presentFields({ publishedAt: v.publishedAt, retiredAt: v.retiredAt }),
  };
}
