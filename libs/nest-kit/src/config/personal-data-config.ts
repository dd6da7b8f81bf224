import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { Secret } from './secret.decorator';
import { ServiceConfig } from './service-config';

/** The settings of a service that keeps learners' personal data sealed under per-learner keys. */
export class PersonalDataServiceConfig extends ServiceConfig {
  /**
   * Key-encryption key (32 bytes as 64 hex characters) that wraps every learner's personal-data key. Required
   * outside the embedded mode (unless PERSONAL_DATA_KEY_IN_DATABASE); embedded, one is generated under DATA_DIR.
   */
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'PERSONAL_DATA_KEY must be 32 bytes in hex (64 characters)' })
  @Secret()
  PERSONAL_DATA_KEY?: string = undefined;

  /** Former name of PERSONAL_DATA_KEY, still accepted. */
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'ENROLMENT_PERSONAL_DATA_KEY must be 32 bytes in hex (64 characters)' })
  @Secret()
  ENROLMENT_PERSONAL_DATA_KEY?: string = undefined;

  /**
   * Distributed without PERSONAL_DATA_KEY: `true` accepts a key-encryption key generated once into the service
   * database (a dump of it then opens personal data). Without it the service refuses to start.
   */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'boolean' ? value : ['true', '1'].includes(String(value).trim().toLowerCase()),
  )
  @IsBoolean()
  PERSONAL_DATA_KEY_IN_DATABASE = false;
}
