import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@alliance/nest-kit';
import { LEARNER_PAGE_HTML } from './learner-page/learner-page-markup';
import { LEARNER_PAGE_SCRIPT } from './learner-page/learner-page-script';
import { LEARNER_PAGE_CSS } from './learner-page/learner-page-style';

// Scripts and styles come only from this service; the page talks only to it; the sign-in token never leaves the fragment.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The learner's page: served as three static files; everything it shows comes from the learner's own APIs. */
@ApiExcludeController()
@Controller('learner')
@Public()
export class LearnerPageController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', CSP)
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Referrer-Policy', 'no-referrer')
  page(): string {
    return LEARNER_PAGE_HTML;
  }

  @Get('app.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('X-Content-Type-Options', 'nosniff')
  script(): string {
    return LEARNER_PAGE_SCRIPT;
  }

  @Get('app.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('X-Content-Type-Options', 'nosniff')
  style(): string {
    return LEARNER_PAGE_CSS;
  }
}
