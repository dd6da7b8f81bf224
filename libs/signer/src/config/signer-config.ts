import { Secret } from '@alliance/nest-kit';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

export const KEY_STORE_KINDS = ['pkcs11', 'file'] as const;

/**
 * An institution-run signer's settings, from its environment. It needs the platform's issuance address (it
 * only calls out), its own institution and key, and where its key store and signature log live.
 */
export class SignerConfig {
  @IsUUID()
  SIGNER_INSTITUTION_ID = '';

  /** Fragment of the key's verification method (`<did>#<keyId>`), also its name in the key store. */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'SIGNER_KEY_ID must be 1-64 of A-Z a-z 0-9 . _ -' })
  SIGNER_KEY_ID = 'signer-key-1';

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  SIGNER_ISSUANCE_URL = 'http://127.0.0.1:3004';

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  SIGNER_CATALOGUE_URL = 'http://127.0.0.1:3001';

  /**
   * Public base URL the platform serves its JSON-LD contexts under, as its credentials name them (the platform's
   * CONTEXT_BASE_URL, or its issuance public URL). Contexts there, and under SIGNER_ISSUANCE_URL, are read from the
   * signer's own digest-pinned copies; a credential naming any other context is not signed.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @Matches(/^https?:\/\/[^?#@]+$/, { message: 'CONTEXT_BASE_URL must be an http(s) URL without credentials, query or fragment' })
  CONTEXT_BASE_URL?: string = undefined;

  @IsIn(KEY_STORE_KINDS)
  SIGNER_KEY_STORE: (typeof KEY_STORE_KINDS)[number] = 'file';

  @ValidateIf((c: SignerConfig) => c.SIGNER_KEY_STORE === 'pkcs11')
  @IsString()
  @MinLength(1)
  SIGNER_PKCS11_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

  @ValidateIf((c: SignerConfig) => c.SIGNER_KEY_STORE === 'pkcs11')
  @IsString()
  @MinLength(1)
  SIGNER_PKCS11_TOKEN = '';

  @ValidateIf((c: SignerConfig) => c.SIGNER_KEY_STORE === 'pkcs11')
  @IsString()
  @MinLength(4)
  @Secret()
  SIGNER_PKCS11_PIN = '';

  @ValidateIf((c: SignerConfig) => c.SIGNER_KEY_STORE === 'file')
  @IsString()
  @MinLength(12, { message: 'SIGNER_KEY_PASSPHRASE must be at least 12 characters' })
  @Secret()
  SIGNER_KEY_PASSPHRASE = '';

  /** The signer's own state: its key files (file store), identity and append-only signature log. */
  @IsString()
  @MinLength(1)
  SIGNER_DATA_DIR = '.signer';

  /** Optional JSON file with this university's own rules (see SignerLocalPolicy). */
  @IsOptional()
  @IsString()
  SIGNER_POLICY_FILE?: string = undefined;

  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(600_000)
  SIGNER_POLL_MS = 1000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}
