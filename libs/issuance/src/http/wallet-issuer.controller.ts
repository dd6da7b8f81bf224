import { Body, Controller, Get, HttpCode, Options, Param, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiConsumes, ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  buildJwtVcIssuerMetadata,
  handleNonceRequest,
  issuerJwks,
  LEARNING_CREDENTIAL_TYPE_METADATA,
  protocolError,
} from '@alliance/credentials';
import { FORM_MEDIA_TYPE, Public } from '@alliance/nest-kit';
import { learningCredentialIssuer } from '../application/wallet/wallet-credentials';
import { LearningCredentialSigning } from '../application/wallet/learning-credential-signing';
import { WalletDelivery } from '../application/wallet/wallet-delivery';
import { WalletOffers } from '../application/wallet/wallet-offers';
import { WalletProtocol } from '../application/wallet/wallet-protocol';
import { WalletRedemption } from '../application/wallet/wallet-redemption';
import { WALLET_PREFLIGHT_HEADERS, WalletCorsInterceptor } from './wallet-cors.interceptor';

type Answer = { status: number; headers: Record<string, string>; body: unknown };

/**
 * The OpenID4VCI 1.0 credential issuer and its authorization server (pre-authorized code flow), under issuance's
 * public URL: wallets call these anonymously and hold only what the offer and the access token give them. Answers
 * are the protocol's own JSON (OAuth errors, not problem+json), as wallets expect, readable from any origin
 * so that a wallet running in a browser can call them too.
 */
@Controller()
@Public()
@ApiExcludeController()
@UseInterceptors(WalletCorsInterceptor)
export class WalletIssuerController {
  constructor(
    private readonly wallet: WalletProtocol,
    private readonly offers: WalletOffers,
    private readonly redemption: WalletRedemption,
    private readonly delivery: WalletDelivery,
    private readonly signing: LearningCredentialSigning,
  ) {}

  @Get('.well-known/openid-credential-issuer')
  issuerMetadata() {
    return this.wallet.protocol.credentialIssuerMetadata;
  }

  @Get('.well-known/oauth-authorization-server')
  authorizationServerMetadata() {
    return this.wallet.protocol.authorizationServerMetadata;
  }

  @Get('.well-known/jwt-vc-issuer/institutions/:institutionId')
  async learningCredentialIssuerKeys(@Param('institutionId') institutionId: string, @Res() res: Response) {
    const keys = await this.signing.issuerKeys(institutionId);
    if (keys.length === 0) return send(res, protocolError('not_found', `no keys for institution ${institutionId}`, 404));
    const issuer = learningCredentialIssuer(this.wallet.protocol.endpoints.credentialIssuer, institutionId);
    return send(res, { status: 200, headers: {}, body: buildJwtVcIssuerMetadata(issuer, keys) });
  }

  @Get('type-metadata/learning-credential')
  typeMetadata() {
    return LEARNING_CREDENTIAL_TYPE_METADATA;
  }

  @Get('jwks')
  jwks() {
    return issuerJwks(this.wallet.protocol);
  }

  @Get('credential-offer/:offerId')
  async offer(@Param('offerId') offerId: string, @Res() res: Response) {
    const offer = /^[0-9a-f-]{36}$/.test(offerId) ? await this.offers.byReference(offerId, new Date()) : undefined;
    if (!offer) return send(res, protocolError('invalid_request', 'no open credential offer at this address', 404));
    return send(res, { status: 200, headers: { 'Cache-Control': 'no-store' }, body: offer });
  }

  @Post('token')
  @ApiConsumes(FORM_MEDIA_TYPE)
  async token(@Req() req: Request, @Body() body: Record<string, unknown>, @Res() res: Response) {
    return send(res, await this.redemption.token({ ...httpRequest(req), body: body ?? {} }));
  }

  @Post('nonce')
  @HttpCode(200)
  nonce(@Res() res: Response) {
    return send(res, handleNonceRequest(this.wallet.protocol));
  }

  @Post('credential')
  async credential(@Req() req: Request, @Body() body: unknown, @Res() res: Response) {
    return send(res, await this.delivery.credential({ ...httpRequest(req), body }));
  }

  @Post('deferred-credential')
  async deferred(@Req() req: Request, @Body() body: unknown, @Res() res: Response) {
    return send(res, await this.delivery.deferred({ ...httpRequest(req), body }));
  }

  @Post('notification')
  async notification(@Req() req: Request, @Body() body: unknown, @Res() res: Response) {
    return send(res, await this.delivery.notification({ ...httpRequest(req), body }));
  }

  @Options([
    '.well-known/openid-credential-issuer',
    '.well-known/oauth-authorization-server',
    '.well-known/jwt-vc-issuer/institutions/:institutionId',
    'type-metadata/learning-credential',
    'jwks',
    'credential-offer/:offerId',
    'token',
    'nonce',
    'credential',
    'deferred-credential',
    'notification',
  ])
  preflight(@Res() res: Response) {
    res.status(204).set(WALLET_PREFLIGHT_HEADERS).end();
  }
}

/** The request as the protocol layer reads it: the URL as the wallet addressed it (the issuer's public URL). */
function httpRequest(req: Request) {
  return { method: req.method, url: new URL(req.originalUrl, `${req.protocol}://${req.get('host')}`).toString(), headers: req.headers };
}

function send(res: Response, answer: Answer): void {
  res.status(answer.status).set(answer.headers);
  if (answer.body === null || answer.status === 204) res.end();
  else res.json(answer.body);
}
