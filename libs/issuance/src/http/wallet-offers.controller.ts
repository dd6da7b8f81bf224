import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { OfferCredentialToWalletCommand } from '../application/commands/offer-credential-to-wallet';
import { WalletOffers } from '../application/wallet/wallet-offers';
import { commandMeta } from './command-meta';
import { WalletOfferDto } from './dto/wallet-offer.dto';

/** A learner, or staff of an awarding body, offers a credential to the learner's wallet (OpenID4VCI). */
@ApiTags('wallet')
@ApiBearerAuth()
@Controller('credentials/:id/wallet-offers')
@Roles('learner', 'registrar', 'institution-admin')
export class WalletOffersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly offers: WalletOffers,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Offer the credential to a wallet: the Credential Offer by value and by reference, and a QR code. The transaction code is e-mailed to the learner, never answered here.',
  })
  @ApiCreatedResponse({ description: 'The offer, its deep links and the SVG QR code of the by-reference link' })
  async offer(@UuidParam('id') id: string, @Body() dto: WalletOfferDto, @CurrentActor() actor: AuthenticatedActor) {
    const made = await this.commands.execute(OfferCredentialToWalletCommand.create({ credentialId: id, ...dto, ...commandMeta(actor) }));
    const { preAuthorizedCode: _code, lastPosition: _position, ...offer } = made;
    return { ...offer, ...(await this.offers.render(made)) };
  }
}
