/**
 * Injection tokens of the verification context for values that have no class of their own (the ORM, the result
 * cache, the status-list fetcher); ports are abstract classes and, like the application's classes, their own tokens.
 */
export const VERIFICATION_ORM = Symbol('VERIFICATION_ORM');
export const VERIFICATION_RESULTS = Symbol('VERIFICATION_RESULTS');
export const STATUS_LISTS = Symbol('VERIFICATION_STATUS_LISTS');
