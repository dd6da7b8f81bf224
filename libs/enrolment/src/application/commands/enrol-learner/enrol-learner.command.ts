import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BaseCommand } from '../../base.command';

export class LearnerIdentityInput {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  givenName!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  familyName!: string;

  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'dateOfBirth must be a calendar date' })
  dateOfBirth?: string;

  /** A DID (did:method:...) or another wallet identifier the credential will be bound to. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  walletId?: string;
}

export class ConsentInput {
  /** When the learner consented to issuance. */
  @IsISO8601({ strict: true }, { message: 'consent.givenAt must be an ISO 8601 date-time' })
  givenAt!: string;

  /** Version of the consent text the learner accepted. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  textVersion!: string;
}

/** The enrolment id and the learner id it was recorded under. */
export interface EnrolmentRecorded {
  enrolmentId: string;
  learnerId: string;
}

/** Enrols a learner (new, or known by id or email) in the current published version of a definition. */
export class EnrolLearnerCommand extends BaseCommand<EnrolmentRecorded> {
  /** Client-chosen id makes a retried request safe; generated when absent. */
  @IsOptional()
  @IsUUID()
  enrolmentId?: string;

  /** An existing learner; without it the learner is found by email or created. */
  @IsOptional()
  @IsUUID()
  learnerId?: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => LearnerIdentityInput)
  learner!: LearnerIdentityInput;

  @IsString()
  @IsNotEmpty()
  credentialSpecId!: string;

  /** Defaults to the current published version; another version is refused with the reason. */
  @IsOptional()
  @IsInt()
  @Min(1)
  specVersion?: number;

  @IsString()
  @IsNotEmpty()
  institutionId!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => ConsentInput)
  consent!: ConsentInput;
}
