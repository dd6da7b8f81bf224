import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';

/**
 * CORS for the wallet endpoints: any origin may read their answers. They take no cookie and no other ambient
 * credential, only what the request itself carries (pre-authorized code, transaction code, Bearer token), so a
 * browser-based wallet gains nothing a server-side one lacks; `*` also keeps browsers from ever sending cookies.
 */
export const WALLET_CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  // A wallet reads why its access token was refused (RFC 6750 §3) from this header.
  'Access-Control-Expose-Headers': 'WWW-Authenticate',
} as const;

/** The answer to a browser's preflight (Fetch standard, CORS protocol) before a wallet's POST or GET. */
export const WALLET_PREFLIGHT_HEADERS = {
  ...WALLET_CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, POST',
  // Content-Type for JSON bodies; DPoP is ignored here but some wallets send it unasked.
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, DPoP',
  'Access-Control-Max-Age': '600',
} as const;

/** Sets {@link WALLET_CORS_HEADERS} on every answer of the controller it decorates, errors included. */
@Injectable()
export class WalletCorsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    context.switchToHttp().getResponse<Response>().set(WALLET_CORS_HEADERS);
    return next.handle();
  }
}
