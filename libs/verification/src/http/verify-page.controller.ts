import { Controller } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageRoute, Public } from '@alliance/nest-kit';
import { VERIFY_PAGE_CSS } from './page/verify-page-style';
import { VERIFY_PAGE_HTML } from './page/verify-page-markup';
import { VERIFY_PAGE_SCRIPT } from './page/verify-page-script';

/** The public page where an employer checks a credential (a share link's token may be in its address). */
@ApiExcludeController()
@Controller('verify')
@Public()
export class VerifyPageController {
  @PageRoute.html()
  page(): string {
    return VERIFY_PAGE_HTML;
  }

  @PageRoute.script()
  script(): string {
    return VERIFY_PAGE_SCRIPT;
  }

  @PageRoute.style()
  style(): string {
    return VERIFY_PAGE_CSS;
  }
}
