/**
 * Injection tokens of the issuance context for values that have no class of their own (settings, the ORM, the
 * sealed store, the JSON-LD contexts); ports are abstract classes and, like the application's classes, their own tokens.
 */
export const ISSUANCE_SETTINGS = Symbol('ISSUANCE_SETTINGS');
export const ISSUANCE_ORM = Symbol('ISSUANCE_ORM');
export const ISSUANCE_CONTEXTS = Symbol('ISSUANCE_CONTEXTS');
/** The vault of learners' personal-data keys (crypto-shredding). */
export const PERSONAL_DATA = Symbol('ISSUANCE_PERSONAL_DATA');
/** Issuance's event store as its deciders and reactions see it: personal fields sealed on append, opened on read. */
export const ISSUANCE_STORE = Symbol('ISSUANCE_STORE');
