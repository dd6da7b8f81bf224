import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Registers a member of the alliance. The profile rules (ISO country, did:web, URL) are the domain's. */
export class RegisterInstitutionCommand extends BaseCommand<string> {
  @IsString()
  @IsNotEmpty()
  name!: string;

  @IsString()
  @IsNotEmpty()
  legalName!: string;

  @IsString()
  countryCode!: string;

  @IsOptional()
  @IsString()
  region?: string;

  @IsString()
  homepage!: string;

  /** Absent: the member gets a did:web hosted by this platform. */
  @IsOptional()
  @IsString()
  did?: string;
}
