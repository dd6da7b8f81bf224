import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class SignInLinkRequestDto {
  @ApiProperty({ description: 'The e-mail address the learner was enrolled with', example: 'ada@example.org' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class SignInDto {
  @ApiProperty({ description: 'The token of the sign-in link (the part after `#sign-in=`)' })
  @IsString()
  @Length(40, 200)
  token!: string;
}
