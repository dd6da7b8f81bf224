import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@alliance/nest-kit';
import { LearnerSignIns } from '../application/learner/learner-sign-ins';
import { SignInDto, SignInLinkRequestDto } from './dto/learner-sign-in.dto';

/** The learner page's sign-in: a one-time link by e-mail, then a session token for the learner's own APIs. */
@ApiTags('learner')
@Controller('learner')
@Public()
export class LearnerSignInController {
  constructor(private readonly signIns: LearnerSignIns) {}

  @Post('sign-in-links')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Send a one-time sign-in link to a learner: answered the same whether the address is known or not, so nobody learns who is enrolled',
  })
  @ApiAcceptedResponse({ description: 'If the address belongs to a learner, a link is on its way (valid 15 minutes, once)' })
  async requestLink(@Body() dto: SignInLinkRequestDto) {
    await this.signIns.request(dto.email);
    return { message: 'If this address belongs to a learner, a sign-in link is on its way. It works once, for 15 minutes.' };
  }

  @Post('sessions')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Use a sign-in link: a learner's bearer token for an hour; the link is used up" })
  @ApiCreatedResponse({ description: '`accessToken` (bearer, role learner), `expiresAt`, `learnerId`' })
  signIn(@Body() dto: SignInDto) {
    return this.signIns.complete(dto.token);
  }
}
