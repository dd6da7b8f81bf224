import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from './request-context';

export const CORRELATION_HEADER = 'x-correlation-id';
const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes the caller's request id (or makes one) and carries it as the correlation id of everything the request causes. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(CORRELATION_HEADER) ?? req.header(REQUEST_ID_HEADER);
  const correlationId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
  (req as Request & { id?: string }).id = correlationId;
  res.setHeader(CORRELATION_HEADER, correlationId);
  requestContext.run({ correlationId }, () => next());
}
