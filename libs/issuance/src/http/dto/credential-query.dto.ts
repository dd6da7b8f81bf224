import { OptionalText, PageLimit, PageOffset } from '@alliance/nest-kit';

export class CredentialQueryDto {
  @OptionalText({ description: 'Learner id (as enrolment knows the learner)' })
  learner?: string;

  @OptionalText({ description: 'Credential definition id' })
  specId?: string;

  @PageLimit({ default: 50, maximum: 500 })
  limit = 50;

  @PageOffset()
  offset = 0;
}
