import type { SealingRules } from '@alliance/event-sourcing';

const LEARNER_FIELDS = ['learner.name', 'learner.email', 'learner.did'];

/**
 * The learner's personal data in issuance's events, sealed with the learner's key on append: the name, email
 * and DID enrolment gave, in a drafted credential the subject's identifiers (name, salted email hash) and
 * DID, and the wallet key a credential was delivered to. Everything else (definition, grades, awarding bodies, status slot) stays readable.
 */
export const ISSUANCE_SEALING_RULES: SealingRules = {
  AwardTrackOpened: { learnerId: 'learner.learnerId', fields: LEARNER_FIELDS },
  AwardGranted: { learnerId: 'learner.learnerId', fields: LEARNER_FIELDS },
  CredentialDrafted: { learnerId: 'learnerId', fields: ['document.credentialSubject.identifier', 'document.credentialSubject.id'] },
  // The wallet key a credential is bound to identifies the learner as surely as a DID.
  CredentialDeliveredToWallet: { learnerId: 'learnerId', fields: ['holderKeyThumbprint'] },
  WalletDeliveryDeferred: { learnerId: 'learnerId', fields: ['holderKeyThumbprint', 'holderJwk'] },
};

/** The learner key table's name in issuance's PostgreSQL schema (embedded keys live in their own file). */
export const ISSUANCE_LEARNER_KEY_TABLE = 'issuance_learner_keys';
