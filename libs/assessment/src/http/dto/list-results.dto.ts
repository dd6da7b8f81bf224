import { OptionalText, PageLimit, PageOffset } from '@alliance/nest-kit';

export class ListResultsDto {
  @OptionalText()
  enrolmentId?: string;

  @OptionalText()
  learnerId?: string;

  @OptionalText()
  componentCode?: string;

  @OptionalText()
  institutionId?: string;

  @OptionalText()
  batchId?: string;

  @PageLimit({ default: 100, maximum: 1000 })
  limit?: number;

  @PageOffset()
  offset?: number;
}
