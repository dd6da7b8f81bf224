import { Controller } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageRoute, Public } from '@alliance/nest-kit';
import { LEARNER_PAGE_HTML } from './learner-page/learner-page-markup';
import { LEARNER_PAGE_SCRIPT } from './learner-page/learner-page-script';
import { LEARNER_PAGE_CSS } from './learner-page/learner-page-style';

/**
 * The learner's page: three static files; everything it shows comes from the learner's own APIs, and the sign-in
 * link's token stays in the address's fragment.
 */
@ApiExcludeController()
@Controller('learner')
@Public()
export class LearnerPageController {
  @PageRoute.html()
  page(): string {
    return LEARNER_PAGE_HTML;
  }

  @PageRoute.script()
  script(): string {
    return LEARNER_PAGE_SCRIPT;
  }

  @PageRoute.style()
  style(): string {
    return LEARNER_PAGE_CSS;
  }
}
