/** What went wrong in a key store, for callers that react differently (retry, ask an operator, refuse). */
export type KeyStoreErrorCode =
  | 'INVALID_CONFIG'
  | 'INVALID_KEY_ID'
  | 'STORE_CLOSED'
  | 'KEY_EXISTS'
  | 'KEY_NOT_FOUND'
  | 'NOT_ED25519'
  | 'BINDING_UNAVAILABLE'
  | 'MODULE_NOT_FOUND'
  | 'MODULE_LOAD_FAILED'
  | 'TOKEN_NOT_FOUND'
  | 'WRONG_PIN'
  | 'PIN_LOCKED'
  | 'HSM_ERROR'
  | 'WRONG_PASSPHRASE'
  | 'KEY_FILE_CORRUPT';

/** A key store failure whose message says what to do next. */
export class KeyStoreError extends Error {
  override readonly name = 'KeyStoreError';

  constructor(
    readonly code: KeyStoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
