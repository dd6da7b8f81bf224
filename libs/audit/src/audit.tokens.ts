export const AUDIT_SOURCES = Symbol('AUDIT_SOURCES');
export const AUDIT_KEY = Symbol('AUDIT_KEY');
export const STATE_REPLAYER = Symbol('STATE_REPLAYER');
export const CHECKPOINTER = Symbol('CHECKPOINTER');
export const READ_MODEL_AUDITOR = Symbol('READ_MODEL_AUDITOR');
/** Closes the read-only connections to every service's store (at shutdown). */
export const AUDIT_STORES = Symbol('AUDIT_STORES');
