import { contextException } from '@alliance/event-sourcing';

export { violation, type Violation } from '@alliance/event-sourcing';

/** Why the catalogue refuses a request; a single broken rule of a violation list is also a code (`catalogue.<rule>`, 422). */
export type CatalogueErrorCode = ConstructorParameters<typeof CatalogueException>[0];

/**
 * The catalogue's only exception type. Codes are stable strings (`catalogue.<rule>`), so clients and tests can
 * branch on them; the shared filter maps it to problem+json, listing every violation as `errors`. Its table lists
 * every code the catalogue answers with and its HTTP status, the one place a code gets its status.
 */
export class CatalogueException extends contextException('catalogue', {
  'catalogue.rules-violated': 422,
  'catalogue.contract-violation': 422,
  'catalogue.credential-spec-not-found': 404,
  'catalogue.credential-spec-version-not-found': 404,
  'catalogue.institution-not-found': 404,
  'catalogue.signing-key-not-found': 404,
  'catalogue.approval.no-institution': 403,
  'catalogue.approval.not-an-awarding-body': 403,
  'catalogue.approval.other-institution': 403,
  'catalogue.institution.alliance-admin-only': 403,
  'catalogue.key.not-own-institution': 403,
  'catalogue.member-removed': 403,
  'catalogue.member-suspended': 403,
  'catalogue.approval.duplicate': 409,
  'catalogue.approval.member-not-active': 409,
  'catalogue.approval.not-proposed': 409,
  'catalogue.credential-spec.already-exists': 409,
  'catalogue.credential-spec.published-immutable': 409,
  'catalogue.credential-spec.under-approval': 409,
  'catalogue.institution.already-registered': 409,
  'catalogue.institution.did-taken': 409,
  'catalogue.institution.name-taken': 409,
  'catalogue.institution.not-active': 409,
  'catalogue.institution.not-suspended': 409,
  'catalogue.institution.removed': 409,
  'catalogue.key.already-registered': 409,
  'catalogue.key.already-revoked': 409,
  'catalogue.key.key-id-taken': 409,
  'catalogue.key.not-current': 409,
  'catalogue.key.possession-nonce-used': 409,
  'catalogue.key.too-many-challenges': 409,
  'catalogue.propose.not-draft': 409,
  'catalogue.publish.approvals-missing': 409,
  'catalogue.publish.not-approved': 409,
  'catalogue.retire.not-published': 409,
  'catalogue.version.open-version-exists': 409,
  'catalogue.withdraw.not-proposed': 409,
}) {}
