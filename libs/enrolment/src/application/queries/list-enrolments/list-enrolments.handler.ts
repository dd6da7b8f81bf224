import { Injectable } from '@nestjs/common';
import { ERASED_IDENTITY, PersonalDataVault } from '../../../infrastructure/personal-data/personal-data-vault';
import { EnrolmentRecords } from '../../ports/enrolment-records.port';
import { enrolmentView, type EnrolmentView } from '../enrolment-view';
import { requireReadAccess } from '../read-access';
import type { ListEnrolmentsQuery } from './list-enrolments.query';

export interface EnrolmentPage {
  items: EnrolmentView[];
  total: number;
  limit: number;
  offset: number;
}

@Injectable()
export class ListEnrolmentsHandler {
  constructor(
    private readonly records: EnrolmentRecords,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute(query: ListEnrolmentsQuery): Promise<EnrolmentPage> {
    const { limit, offset } = query;
    let learnerId = query.learner;
    if (learnerId?.includes('@')) learnerId = await this.vault.learnerIdForEmail(learnerId);
    if (query.learner && !learnerId) return { items: [], total: 0, limit, offset };
    // A learner sees only their own enrolments, whatever the filter says.
    if (query.actor.role === 'learner') {
      if (learnerId) requireReadAccess(query.actor, learnerId);
      learnerId = query.actor.subject;
    }
    const page = await this.records.list({
      ...(learnerId ? { learnerId } : {}),
      ...(query.specId ? { credentialSpecId: query.specId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.institutionId ? { institutionId: query.institutionId } : {}),
      limit,
      offset,
    });
    const identities = await this.vault.openMany(page.items.flatMap((r) => (r.identity ? [r.identity] : [])));
    let next = 0;
    const items = page.items.map((row) => enrolmentView(row, row.identity ? identities[next++] : ERASED_IDENTITY));
    return { items, total: page.total, limit, offset };
  }
}
