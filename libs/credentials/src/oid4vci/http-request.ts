import type { HttpMethod, RequestLike } from '@openid4vc/oauth2';

/** The parts of an incoming HTTP request the endpoints read, independent of the web framework. */
export interface HttpRequest {
  method: string;
  /** Absolute URL of the request, as the wallet addressed it. */
  url: string;
  headers: Headers | Record<string, string | string[] | undefined>;
}

/** The request in the form the library takes. */
export function toRequestLike(request: HttpRequest): RequestLike {
  const headers = request.headers instanceof Headers ? request.headers : new Headers();
  if (!(request.headers instanceof Headers)) {
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
  }
  return { method: request.method.toUpperCase() as HttpMethod, url: request.url, headers };
}
