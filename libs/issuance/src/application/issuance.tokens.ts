/**
 * Injection tokens of the issuance context for what has no class of its own (ports, settings, the ORM, the
 * sealed store); the application's classes (the aggregates among them) are their own tokens.
 */
export const KEY_CUSTODY = Symbol('ISSUANCE_KEY_CUSTODY');
export const CREDENTIAL_QUERIES = Symbol('ISSUANCE_CREDENTIAL_QUERIES');
export const ISSUANCE_SETTINGS = Symbol('ISSUANCE_SETTINGS');
export const ISSUANCE_ORM = Symbol('ISSUANCE_ORM');
export const ISSUANCE_QUERIES = Symbol('ISSUANCE_QUERIES');
export const ISSUANCE_CONTEXTS = Symbol('ISSUANCE_CONTEXTS');
/** The vault of learners' personal-data keys (crypto-shredding). */
export const PERSONAL_DATA = Symbol('ISSUANCE_PERSONAL_DATA');
/** Issuance's event store as its deciders and reactions see it: personal fields sealed on append, opened on read. */
export const ISSUANCE_STORE = Symbol('ISSUANCE_STORE');
