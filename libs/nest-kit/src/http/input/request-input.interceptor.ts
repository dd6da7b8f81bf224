import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { type FieldError, RequestValidationError } from '../../errors/request-validation.error';
import { UnsupportedMediaTypeError } from '../../errors/unsupported-media-type.error';
import { checkText, checkTextTree, type TextRules } from './text-rules';

export const VERBATIM_TEXT = 'input:verbatim-text';

/**
 * The route takes documents whose exact characters matter (a signed credential): their strings are still
 * checked (no NUL, no other C0 control except tab and line breaks, well-formed Unicode) but neither NFC
 * normalised nor capped in length, which would change what was signed.
 */
export const VerbatimText = () => SetMetadata(VERBATIM_TEXT, true);

/** What a JSON endpoint takes when it declares nothing else with `@ApiConsumes`. */
export const JSON_MEDIA_TYPES: readonly string[] = ['application/json', 'application/*+json'];

/** Largest page offset or size a list endpoint is asked for: a 32-bit integer, which every database takes. */
export const MAX_PAGE_NUMBER = 2_147_483_647;

export interface RequestInputLimits {
  /** Longest string value of a JSON body (HTTP_TEXT_MAX_LENGTH). */
  maxTextLength: number;
  /** Longest path parameter or query value. */
  maxParameterLength: number;
  /** Longest member name of a body or query. */
  maxKeyLength: number;
}

const PAGE_PARAMETERS: Readonly<Record<string, number>> = { offset: 0, limit: 1 };

/**
 * The edge every request crosses before its handler (a global interceptor: after authentication, before
 * pipes and DTO validation), whatever the service:
 *
 * - a body in a media type the route does not take is refused with 415 (JSON, or what `@ApiConsumes` lists);
 * - every string of the body, the query and the path parameters is checked: no NUL, no other C0 control
 *   (tab, LF and CR allowed in body text), well-formed Unicode, not longer than the limits; then normalised
 *   to NFC (`@VerbatimText()` routes excepted);
 * - a member named `__proto__`, `constructor` or `prototype` anywhere in a body or query is refused;
 * - `offset` and `limit` query parameters must be whole numbers in range, on every list endpoint.
 *
 * Each refusal is a 400 problem+json naming the fields (`errors[].field`), before anything is stored.
 */
@Injectable()
export class RequestInputInterceptor implements NestInterceptor {
  private readonly parameterRules: TextRules;
  private readonly keyRules: TextRules;

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RequestInputLimits,
  ) {
    this.parameterRules = { maxLength: limits.maxParameterLength, allowLineBreaks: false, normalize: true };
    this.keyRules = { maxLength: limits.maxKeyLength, allowLineBreaks: false, normalize: false };
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const targets = [context.getHandler(), context.getClass()];
    this.checkMediaType(req, this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, targets) ?? JSON_MEDIA_TYPES);
    const verbatim = this.reflector.getAllAndOverride<boolean | undefined>(VERBATIM_TEXT, targets) === true;
    const errors = [...this.checkParameters(req), ...this.checkQuery(req), ...this.checkBody(req, verbatim)];
    if (errors.length > 0) throw new RequestValidationError(errors);
    return next.handle();
  }

  private checkMediaType(req: Request, accepted: readonly string[]): void {
    if (!carriesBody(req)) return;
    if (!req.is([...accepted])) throw new UnsupportedMediaTypeError(req.headers['content-type'], accepted);
  }

  private checkParameters(req: Request): FieldError[] {
    const errors: FieldError[] = [];
    const params = (req.params ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(params)) {
      if (typeof value !== 'string') continue;
      const checked = checkText(value, name, this.parameterRules);
      if ('error' in checked) errors.push(checked.error);
      else params[name] = checked.value;
    }
    return errors;
  }

  private checkQuery(req: Request): FieldError[] {
    // Express re-parses the query string on every read of req.query: checked and normalised once, it is pinned.
    const query = req.query as Record<string, unknown>;
    if (Object.keys(query).length === 0) return [];
    const errors = checkTextTree(query, 'query', this.parameterRules, this.keyRules);
    for (const [name, minimum] of Object.entries(PAGE_PARAMETERS)) {
      if (name in query && !errors.some((e) => e.field === name)) {
        const problem = pageNumberProblem(query[name], minimum);
        if (problem) errors.push({ field: name, message: `${name} ${problem}` });
      }
    }
    Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true, enumerable: true });
    return errors;
  }

  private checkBody(req: Request, verbatim: boolean): FieldError[] {
    const body: unknown = req.body;
    const rules: TextRules = { maxLength: verbatim ? undefined : this.limits.maxTextLength, allowLineBreaks: true, normalize: !verbatim };
    if (typeof body === 'string') {
      // A whole text document (a CSV upload): its lines are its structure, its size the body limit's business.
      const checked = checkText(body, 'body', { ...rules, maxLength: undefined });
      if ('error' in checked) return [checked.error];
      req.body = checked.value;
      return [];
    }
    if (body === null || typeof body !== 'object') return [];
    return checkTextTree(body, 'body', rules, this.keyRules);
  }
}

/** A body is there when the request announces bytes of it (an empty POST, as fetch sends one, is no body). */
function carriesBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) && length > 0;
}

function pageNumberProblem(value: unknown, minimum: number): string | undefined {
  if (typeof value !== 'string') return 'must be given once';
  if (!/^\d{1,10}$/.test(value) || Number(value) < minimum || Number(value) > MAX_PAGE_NUMBER) {
    return `must be a whole number from ${minimum} to ${MAX_PAGE_NUMBER}`;
  }
  return undefined;
}
