import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@alliance/nest-kit';
import { VERIFY_PAGE_CSS } from './page/verify-page-style';
import { VERIFY_PAGE_HTML } from './page/verify-page-markup';
import { VERIFY_PAGE_SCRIPT } from './page/verify-page-script';

// Scripts and styles come only from this service: a credential's text can never run as code on the page.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The public page where an employer checks a credential. */
@ApiExcludeController()
@Controller('verify')
@Public()
export class VerifyPageController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', CSP)
  @Header('X-Content-Type-Options', 'nosniff')
  // A share link's token is in the page's address: no request the page makes names it.
  @Header('Referrer-Policy', 'no-referrer')
  page(): string {
    return VERIFY_PAGE_HTML;
  }

  @Get('app.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('X-Content-Type-Options', 'nosniff')
  script(): string {
    return VERIFY_PAGE_SCRIPT;
  }

  @Get('app.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('X-Content-Type-Options', 'nosniff')
  style(): string {
    return VERIFY_PAGE_CSS;
  }
}
