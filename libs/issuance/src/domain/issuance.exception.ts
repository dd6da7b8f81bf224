import { contextException } from '@alliance/event-sourcing';

export { violation, type Violation } from '@alliance/event-sourcing';

/** Why issuance refuses a request; a single broken rule of a violation list is also a code (`issuance.<rule>`, 422). */
export type IssuanceErrorCode = ConstructorParameters<typeof IssuanceException>[0];

/**
 * The issuance context's only exception type. Codes are stable strings (`issuance.<rule>`) so clients and tests
 * can branch on them; the shared filter maps it to problem+json, listing every violation as `errors`. Its table
 * lists every code issuance answers with and its HTTP status, the one place a code gets its status.
 */
export class IssuanceException extends contextException('issuance', {
  'issuance.rules-violated': 422,
  'issuance.credential.annex-i-incomplete': 422,
  'issuance.endorsement.no-platform-key': 422,
  'issuance.proof.invalid': 422,
  'issuance.proof.platform-held-key': 422,
  'issuance.proof.verification-method': 422,
  'issuance.status-slot.out-of-range': 422,
  'issuance.signer.unauthenticated': 401,
  'issuance.credential.other-learner': 403,
  'issuance.endorsement.not-institution-admin': 403,
  'issuance.final-revocation.not-awarding-body': 403,
  'issuance.member-removed': 403,
  'issuance.member-suspended': 403,
  'issuance.proof.not-awarding-body': 403,
  'issuance.signature.not-own-institution': 403,
  'issuance.signer.member-not-active': 403,
  'issuance.signing.not-institution-admin': 403,
  'issuance.status-list.not-issuer': 403,
  'issuance.status.not-awarding-body': 403,
  'issuance.context-not-found': 404,
  'issuance.credential-not-found': 404,
  'issuance.institution-not-found': 404,
  'issuance.status-list-not-found': 404,
  'issuance.award.already-awarded': 409,
  'issuance.award.track-unknown': 409,
  'issuance.credential.already-revoked': 409,
  'issuance.credential.already-suspended': 409,
  'issuance.credential.awaiting-proofs': 409,
  'issuance.credential.cannot-refuse': 409,
  'issuance.credential.cannot-reinstate': 409,
  'issuance.credential.cannot-reopen': 409,
  'issuance.credential.cannot-suspend': 409,
  'issuance.credential.not-collecting-proofs': 409,
  'issuance.credential.not-suspendable': 409,
  'issuance.final-revocation.already-lifted': 409,
  'issuance.final-revocation.none': 409,
  'issuance.proof.already-present': 409,
  'issuance.signature.not-refused': 409,
  'issuance.signing.too-many-keys': 409,
  'issuance.status-list.changed': 409,
  'issuance.status-slot.taken': 409,
  // What issuance has not learned (yet) or cannot reach: retry later.
  'issuance.credential.awarding-body-unknown': 503,
  'issuance.credential.definition-unknown': 503,
  'issuance.signing.vault-unavailable': 503,
  'issuance.status-list.exhausted': 503,
  // A learner's wallet (OpenID4VCI): the protocol endpoints answer these as the spec's OAuth errors.
  'issuance.wallet.public-url-not-https': 503,
  'issuance.wallet-offer.not-found': 404,
  'issuance.wallet-offer.exists': 409,
  'issuance.wallet-offer.credential-not-valid': 409,
  'issuance.wallet-offer.no-mail-address': 409,
  'issuance.wallet-offer.redemption-refused': 400,
  'issuance.wallet-offer.not-redeemed': 409,
  'issuance.wallet-offer.configuration-not-offered': 400,
  'issuance.wallet-offer.already-delivered': 409,
  'issuance.wallet-offer.holder-key-mismatch': 409,
  'issuance.wallet-offer.notification-unknown': 400,
  'issuance.learner-sign-in.exists': 409,
  'issuance.learner-sign-in.link-not-valid': 400,
  'issuance.learner-sign-in.unavailable': 503,
  // A learner's links to a credential, and what opening one answers (the same for unknown, withdrawn and expired).
  'issuance.credential-share.not-found': 404,
  'issuance.credential-share.exists': 409,
  'issuance.credential-share.credential-not-issued': 409,
  'issuance.credential-share.too-many': 409,
  'issuance.credential-share.verify-page-unknown': 503,
  'issuance.shared-credential-not-found': 404,
}) {}
