import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ERASED_IDENTITY, IdentityVault } from '../../personal-data/identity-vault';
import { EnrolmentRecords } from '../../ports/enrolment-records.port';
import { enrolmentView } from '../enrolment-view';
import { readScopeOf } from '../../read-access';
import { type EnrolmentPage, ListEnrolmentsQuery } from './list-enrolments.query';

@QueryHandler(ListEnrolmentsQuery)
export class ListEnrolmentsHandler implements IQueryHandler<ListEnrolmentsQuery> {
  constructor(
    private readonly records: EnrolmentRecords,
    private readonly vault: IdentityVault,
  ) {}

  async execute(query: ListEnrolmentsQuery): Promise<EnrolmentPage> {
    const { limit, offset } = query;
    const empty: EnrolmentPage = { items: [], total: 0, limit, offset };
    const scope = readScopeOf(query.actor);
    let learnerIds: string[] | undefined;
    if (query.learner) learnerIds = query.learner.includes('@') ? await this.vault.learnerIdsForEmail(query.learner) : [query.learner];
    // Whatever the filter names, nobody reads past their scope; a filter outside it finds nothing (never a 403,
    // which would tell that the learner exists).
    let institutionId = query.institutionId;
    if (!scope.all) {
      if (scope.learnerId) learnerIds = (learnerIds ?? [scope.learnerId]).filter((id) => id === scope.learnerId);
      else if (scope.institutionId) {
        if (institutionId && institutionId !== scope.institutionId) return empty;
        institutionId = scope.institutionId;
      } else return empty;
    }
    if (learnerIds?.length === 0) return empty;
    const page = await this.records.list({
      ...(learnerIds ? { learnerIds } : {}),
      ...(query.specId ? { credentialSpecId: query.specId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(institutionId ? { institutionId } : {}),
      limit,
      offset,
    });
    const identities = await this.vault.openMany(page.items.flatMap((r) => (r.identity ? [r.identity] : [])));
    let next = 0;
    const items = page.items.map((row) => enrolmentView(row, row.identity ? identities[next++] : ERASED_IDENTITY));
    return { items, total: page.total, limit, offset };
  }
}
