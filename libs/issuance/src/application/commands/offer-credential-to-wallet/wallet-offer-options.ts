import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { OFFER_TTL_SECONDS, WALLET_CONFIGURATIONS } from '../../../domain/wallet-offer/wallet-offer.rules';

/**
 * What a caller may choose of a wallet offer, checked the same way on the request body and on the command:
 * which configurations (default both), how long it lives, whether a transaction code is asked (default yes).
 */
export const OfferedConfigurations = () =>
  applyDecorators(
    IsOptional(),
    ArrayMinSize(1),
    ArrayMaxSize(Object.values(WALLET_CONFIGURATIONS).length),
    IsString({ each: true }),
    IsIn(Object.values(WALLET_CONFIGURATIONS), { each: true }),
  );

export const OfferLifetime = () => applyDecorators(IsOptional(), IsInt(), Min(OFFER_TTL_SECONDS.min), Max(OFFER_TTL_SECONDS.max));

export const OfferTransactionCode = () => applyDecorators(IsOptional(), IsBoolean());
