import { DomainError } from '@alliance/event-sourcing';

/** One broken rule, named by the field it is about (a JSON path into the request) and a stable rule code. */
export interface Violation {
  field: string;
  rule: string;
  message: string;
}

/** Every code the catalogue answers with and its HTTP status: the one place a code gets its status. */
const STATUS = {
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
} as const satisfies Record<`catalogue.${string}`, number>;

/** Why the catalogue refuses a request; a single broken rule of a violation list is also a code (`catalogue.<rule>`, 422). */
export type CatalogueErrorCode = keyof typeof STATUS;

/**
 * The catalogue's only exception type. Codes are stable strings (`catalogue.<rule>`), so clients and tests can
 * branch on them; the shared filter maps it to problem+json, listing every violation as `errors`.
 */
export class CatalogueException extends DomainError {
  constructor(code: CatalogueErrorCode, message: string, field?: string, details?: { errors: Violation[] }) {
    super(code, message, STATUS[code] ?? 422, field ?? details?.errors[0]?.field, details ?? { rule: code.slice('catalogue.'.length) });
  }

  /** The error details list these, each with its field and rule. */
  get violations(): Violation[] {
    return (this.details?.errors as Violation[] | undefined) ?? [];
  }

  /** 422: the request is well-formed but breaks one or more catalogue rules; one broken rule names the error. */
  static invalid(violations: Violation[]): CatalogueException {
    const summary = violations.map((v) => `${v.field}: ${v.message}`).join('; ');
    // A violation's rule is free text of its list; alone, it names the error and keeps the list's 422.
    const code = violations.length === 1 ? (`catalogue.${violations[0].rule}` as CatalogueErrorCode) : 'catalogue.rules-violated';
    const errors = violations.map(({ field, rule, message }) => ({ field, rule, message }));
    return new CatalogueException(code, summary, undefined, errors.length > 0 ? { errors } : undefined);
  }
}

export const violation = (field: string, rule: string, message: string): Violation => ({ field, rule, message });
