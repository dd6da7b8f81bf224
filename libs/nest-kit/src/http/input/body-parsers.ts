import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage } from 'node:http';
import type { ServiceConfig } from '../../config/service-config';
import { RequestValidationError } from '../../errors/request-validation.error';
import { exceedsJsonDepth } from './json-depth';
import { JSON_MEDIA_TYPES } from './request-input.interceptor';

/** Media types read as a text document (bulk uploads). */
export const TEXT_MEDIA_TYPES: readonly string[] = ['text/csv', 'text/plain'];
const TEXT_BODY_LIMIT = '20mb';
/** Media type of OAuth token requests (RFC 6749), the one form a service reads. */
export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
const FORM_BODY_LIMIT = '16kb';

/**
 * The only body parsers a service has: JSON (size-limited, depth-checked on the raw bytes before it is
 * parsed), plain text for CSV uploads, and flat url-encoded forms (small, no nesting) for OAuth token requests.
 * A route takes a form only when it says so (`@ApiConsumes(FORM_MEDIA_TYPE)`): anywhere else
 * `RequestInputInterceptor` answers 415, so no form body reaches a handler as if it were JSON. The app must be
 * created with `bodyParser: false`.
 */
export function useServiceBodyParsers(
  app: NestExpressApplication,
  config: Pick<ServiceConfig, 'HTTP_BODY_LIMIT_BYTES' | 'HTTP_JSON_MAX_DEPTH'>,
): void {
  const maxDepth = config.HTTP_JSON_MAX_DEPTH;
  const json = {
    limit: config.HTTP_BODY_LIMIT_BYTES,
    type: [...JSON_MEDIA_TYPES],
    // body-parser's hook between reading and parsing. Nest types it out only because it claims it for
    // `rawBody: true`, which no service uses; it passes the option through as given.
    verify: (_req: IncomingMessage, _res: unknown, bytes: Buffer) => {
      if (exceedsJsonDepth(bytes, maxDepth)) {
        throw new RequestValidationError([{ field: 'body', message: `body nests objects and arrays deeper than ${maxDepth} levels` }]);
      }
    },
  };
  app.useBodyParser('json', json);
  app.useBodyParser('text', { limit: TEXT_BODY_LIMIT, type: [...TEXT_MEDIA_TYPES] });
  // `extended: false`: values are strings, never objects, so a form cannot build nested or prototype members.
  app.useBodyParser('urlencoded', { limit: FORM_BODY_LIMIT, type: FORM_MEDIA_TYPE, extended: false, parameterLimit: 50 });
}
