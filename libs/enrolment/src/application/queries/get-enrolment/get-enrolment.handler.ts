import { Injectable } from '@nestjs/common';
import { ERASED_IDENTITY, PersonalDataVault } from '../../../infrastructure/personal-data/personal-data-vault';
import { requireEnrolment } from '../../enrolment-lookup';
import { EnrolmentRecords } from '../../ports/enrolment-records.port';
import { enrolmentView, type EnrolmentView } from '../enrolment-view';
import { requireReadAccess } from '../read-access';
import type { GetEnrolmentQuery } from './get-enrolment.query';

@Injectable()
export class GetEnrolmentHandler {
  constructor(
    private readonly records: EnrolmentRecords,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute(query: GetEnrolmentQuery): Promise<EnrolmentView> {
    const row = await requireEnrolment(this.records, query.enrolmentId);
    requireReadAccess(query.actor, row.learnerId);
    const learner = row.identity ? await this.vault.open(row.identity) : ERASED_IDENTITY;
    return enrolmentView(row, learner);
  }
}
