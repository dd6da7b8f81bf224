import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FetchFailure } from './fetch-failure';

/** The caching headers of an answer. */
export interface CachingHeaders {
  cacheControl?: string;
  etag?: string;
  lastModified?: string;
  age?: string;
}

export function cachingHeadersOf(res: IncomingMessage): CachingHeaders {
  const one = (name: string): string | undefined => {
    const value = res.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  const headers: CachingHeaders = {};
  const cacheControl = one('cache-control');
  const etag = one('etag');
  const lastModified = one('last-modified');
  const age = one('age');
  if (cacheControl) headers.cacheControl = cacheControl;
  if (etag) headers.etag = etag;
  if (lastModified) headers.lastModified = lastModified;
  if (age) headers.age = age;
  return headers;
}

/** The body with its content coding undone; the caller counts what it yields, so a small encoded body cannot expand unchecked. */
export function decodedBody(res: IncomingMessage, maxBytes: number, tooLarge: () => FetchFailure): Readable {
  const coding = String(res.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (coding === 'identity' || coding === '') return res;
  const decoder =
    coding === 'gzip' || coding === 'x-gzip'
      ? createGunzip()
      : coding === 'deflate'
        ? createInflate()
        : coding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!decoder) {
    res.destroy();
    throw new FetchFailure('FETCH_NOT_JSON', `unsupported content encoding ${coding}`);
  }
  let sent = 0;
  res.on('data', (chunk: Buffer) => {
    sent += chunk.byteLength;
    if (sent > maxBytes) decoder.destroy(tooLarge());
  });
  res.once('error', (e) => decoder.destroy(e));
  return res.pipe(decoder);
}
