/** Injection tokens of the issuance context. */
export const AGGREGATE_HANDLERS = Symbol('ISSUANCE_AGGREGATE_HANDLERS');
export const KEY_CUSTODY = Symbol('ISSUANCE_KEY_CUSTODY');
export const KNOWLEDGE = Symbol('ISSUANCE_KNOWLEDGE');
export const CREDENTIAL_QUERIES = Symbol('ISSUANCE_CREDENTIAL_QUERIES');
export const STATUS_ALLOCATOR = Symbol('ISSUANCE_STATUS_ALLOCATOR');
export const ISSUANCE_SETTINGS = Symbol('ISSUANCE_SETTINGS');
export const PLATFORM_SIGNER = Symbol('ISSUANCE_PLATFORM_SIGNER');
export const ISSUANCE_ORM = Symbol('ISSUANCE_ORM');
export const ISSUANCE_REACTOR = Symbol('ISSUANCE_REACTOR');
export const CATALOGUE_FACTS = Symbol('ISSUANCE_CATALOGUE_FACTS');
export const AWARD_PROCESS = Symbol('ISSUANCE_AWARD_PROCESS');
export const STATUS_LIST_PUBLISHER = Symbol('ISSUANCE_STATUS_LIST_PUBLISHER');
export const SIGNER_AUTHENTICATION = Symbol('ISSUANCE_SIGNER_AUTHENTICATION');
export const SIGNING_REQUESTS = Symbol('ISSUANCE_SIGNING_REQUESTS');
export const ISSUANCE_QUERIES = Symbol('ISSUANCE_QUERIES');
export const ISSUANCE_CONTEXTS = Symbol('ISSUANCE_CONTEXTS');
/** The vault of learners' personal-data keys (crypto-shredding). */
export const PERSONAL_DATA = Symbol('ISSUANCE_PERSONAL_DATA');
/** Issuance's event store as its deciders and reactions see it: personal fields sealed on append, opened on read. */
export const ISSUANCE_STORE = Symbol('ISSUANCE_STORE');
/** What issuance does when enrolment erases a learner. */
export const LEARNER_ERASURE = Symbol('ISSUANCE_LEARNER_ERASURE');
