import { applyDecorators, Get, Header } from '@nestjs/common';

/**
 * The policy of the platform's own pages: scripts and styles only from the service itself, requests only to it,
 * images from it or inline data; nothing a page shows (a credential's text, a learner's name) can run as code.
 */
export const PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The routes of one static page under its controller's path: `GET /` its HTML (under the policy above, sending no
 * referrer, as a page's address may carry a token), `GET /app.js` its script and `GET /app.css` its style.
 */
export const PageRoute = {
  html: () =>
    applyDecorators(
      Get(),
      Header('Content-Type', 'text/html; charset=utf-8'),
      Header('Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY),
      Header('X-Content-Type-Options', 'nosniff'),
      Header('Referrer-Policy', 'no-referrer'),
    ),
  script: () =>
    applyDecorators(Get('app.js'), Header('Content-Type', 'text/javascript; charset=utf-8'), Header('X-Content-Type-Options', 'nosniff')),
  style: () =>
    applyDecorators(Get('app.css'), Header('Content-Type', 'text/css; charset=utf-8'), Header('X-Content-Type-Options', 'nosniff')),
};
