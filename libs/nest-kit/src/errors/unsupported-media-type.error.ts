import { HttpException, HttpStatus } from '@nestjs/common';

/** A request body in a media type the endpoint does not take (415); names what it takes. */
export class UnsupportedMediaTypeError extends HttpException {
  constructor(
    readonly received: string | undefined,
    readonly accepted: readonly string[],
  ) {
    super(
      `This endpoint takes a body of ${accepted.join(' or ')}, not ${received ? received : 'a body without a content type'}.`,
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    );
  }
}
