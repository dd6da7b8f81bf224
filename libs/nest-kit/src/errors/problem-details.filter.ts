import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { asStorageFault, isConcurrencyConflict, isStorageFault, storageFaults } from '@alliance/event-sourcing';
import { requestContext } from '../context/request-context';
import { isDomainError } from './domain-error';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, type ProblemDetails } from './problem';
import { RequestValidationError } from './request-validation.error';
import { UnsupportedMediaTypeError } from './unsupported-media-type.error';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  507: 'Insufficient Storage',
};

/** Maps every error to an RFC 9457 `application/problem+json` response; internals never leak. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    // Clients branch on `code`: a refusal the framework raised (no token, wrong role, no route) carries its slug.
    problem.code ??= problem.type.slice(PROBLEM_TYPE_BASE.length);
    problem.instance = req.originalUrl ?? req.url;
    problem.correlationId = requestContext.correlationId() ?? (req as Request & { id?: string }).id;
    if (problem.code?.startsWith('storage.')) {
      // A known condition (full disk, read-only storage) that readiness already reports: one line, no stack.
      this.logger.warn(
        { code: problem.code, detail: problem.detail, correlationId: problem.correlationId },
        'write refused: the storage cannot take it',
      );
    } else if (problem.status >= 500) {
      this.logger.error({ err: exception, correlationId: problem.correlationId }, 'unhandled error');
    }
    if (res.headersSent) return;
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(thrown: unknown): ProblemDetails {
    // The Express adapter wraps what body parsers and the router throw in an HttpException; the cause says more.
    const exception = storageFaultOr(unwrapMiddlewareError(thrown));
    if (exception instanceof RequestValidationError) {
      return { ...base(400, 'validation-failed'), detail: 'The request has invalid fields.', errors: exception.fieldErrors };
    }
    if (exception instanceof UnsupportedMediaTypeError) {
      return {
        ...base(415, 'unsupported-media-type'),
        detail: exception.message,
        accepted: exception.accepted,
        errors: [{ field: 'content-type', message: exception.message }],
      };
    }
    // Before domain errors: a lost write is not a broken rule, and its stream id and revisions stay inside.
    if (isConcurrencyConflict(exception)) return concurrencyConflict();
    if (isDomainError(exception)) {
      return {
        ...base(exception.status, exception.code),
        detail: exception.message,
        code: exception.code,
        ...(exception.field ? { errors: [{ field: exception.field, message: exception.message }] } : {}),
        ...(exception.details ?? {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? exception.message);
      const slug =
        status === 404
          ? 'not-found'
          : status === 401
            ? 'unauthenticated'
            : status === 403
              ? 'forbidden'
              : status === 429
                ? 'too-many-requests'
                : status === 413
                  ? 'payload-too-large'
                  : `http-${status}`;
      return { ...base(status, slug), detail: status === 404 && !detail ? 'No such resource.' : detail };
    }
    if (exception instanceof URIError && isClientError(exception)) {
      // The router could not percent-decode a path segment.
      return {
        ...base(400, 'malformed-path'),
        detail: 'The request path is not valid percent-encoded UTF-8.',
        errors: [{ field: 'path', message: exception.message }],
      };
    }
    if (isBodyParserError(exception)) {
      if (exception.status === 413)
        return { ...base(413, 'payload-too-large'), detail: 'The request body is larger than this endpoint accepts.' };
      return {
        ...base(exception.status, 'malformed-body'),
        detail: exception.message,
        errors: [{ field: 'body', message: exception.message }],
      };
    }
    return {
      ...base(HttpStatus.INTERNAL_SERVER_ERROR, 'internal'),
      detail: 'An unexpected error occurred; quote the correlation id when reporting it.',
    };
  }
}

/**
 * A write that failed on the storage (a full disk under PGlite, PostgreSQL's disk_full) as the `StorageFaultError`
 * the embedded store already throws: 507/503 naming the cause instead of an unexpected 500. Noted for readiness.
 */
function storageFaultOr(exception: unknown): unknown {
  if (isStorageFault(exception)) return exception;
  const fault = asStorageFault(exception, undefined, 'the request could not be stored');
  if (!fault) return exception;
  storageFaults.fault('http', exception);
  return fault;
}

function base(status: number, slug: string): ProblemDetails {
  return { type: PROBLEM_TYPE_BASE + slug, title: TITLES[status] ?? 'Error', status };
}

/** A write that lost to a concurrent one; the client re-reads and retries, and learns nothing of streams or revisions. */
function concurrencyConflict(): ProblemDetails {
  return {
    ...base(409, 'concurrency-conflict'),
    detail: 'The resource was changed by another request at the same time; read it again and retry.',
    code: 'concurrency-conflict',
  };
}

/** What a body parser or the router threw, when it is a client error the filter can name a field for. */
function unwrapMiddlewareError(e: unknown): unknown {
  if (!(e instanceof HttpException)) return e;
  const cause = e.cause;
  if (cause instanceof RequestValidationError) return cause;
  const exposed = (cause as { expose?: unknown } | null)?.expose !== false;
  if (exposed && ((cause instanceof URIError && isClientError(cause)) || isBodyParserError(cause))) return cause;
  return e;
}

function isClientError(e: unknown): e is { status: number; message: string } {
  const status = (e as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function isBodyParserError(e: unknown): e is { status: number; message: string } {
  const candidate = e as { type?: unknown; status?: unknown } | null;
  return typeof candidate?.type === 'string' && typeof candidate.status === 'number' && candidate.status < 500;
}
