/** Injection tokens of the issuance context. */
export const AGGREGATE_HANDLERS = Symbol('ISSUANCE_AGGREGATE_HANDLERS');
export const KEY_CUSTODY = Symbol('ISSUANCE_KEY_CUSTODY');
export const KNOWLEDGE = Symbol('ISSUANCE_KNOWLEDGE');
export const CREDENTIAL_QUERIES = Symbol('ISSUANCE_CREDENTIAL_QUERIES');
export const STATUS_ALLOCATOR = Symbol('ISSUANCE_STATUS_ALLOCATOR');
export const ISSUANCE_SETTINGS = Symbol('ISSUANCE_SETTINGS');
export const PLATFORM_SIGNER = Symbol('ISSUANCE_PLATFORM_SIGNER');
