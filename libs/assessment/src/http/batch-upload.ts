import { createHash } from 'node:crypto';
import type { Request } from 'express';
import canonicalize from 'canonicalize';
import { AssessmentException } from '../domain/assessment.exception';
import { parseCsvUpload } from '../application/batch/parse-csv-upload';
import { parseJsonUpload } from '../application/batch/parse-json-upload';
import type { ParsedUpload } from '../application/batch/uploaded-row';
import { requireWithinBytes, type UploadLimits } from '../application/batch/upload-limits';

export interface ReadUpload extends ParsedUpload {
  batchId: string;
  digest: string;
}

/**
 * Reads a bulk upload: `application/json` as `{ batchId?, results: [...] }` (or a bare array), `text/csv`
 * with a header row. The batch id comes from the body, the `batchId` query parameter or the `X-Batch-Id`
 * header; without one, the file's digest names the batch, so sending the same file twice is still safe.
 */
export function readUpload(req: Request, body: unknown, limits: UploadLimits): ReadUpload {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared) requireWithinBytes(declared, limits);
  const fromRequest = (typeof req.query.batchId === 'string' ? req.query.batchId : undefined) ?? req.header('x-batch-id') ?? undefined;
  if (type === 'text/csv' || type === 'text/plain') {
    if (typeof body !== 'string') throw new AssessmentException('assessment.csv-malformed', 'the CSV upload is empty', 'body');
    requireWithinBytes(Buffer.byteLength(body, 'utf8'), limits);
    const text = body.replace(/\r\n?/g, '\n');
    const digest = sha256(text);
    return { ...parseCsvUpload(text, limits), batchId: fromRequest ?? defaultBatchId(digest), digest };
  }
  if (type === 'application/json' || type.endsWith('+json')) {
    const envelope = Array.isArray(body) ? { results: body } : (body as { batchId?: unknown; results?: unknown } | undefined);
    if (!envelope || typeof envelope !== 'object')
      throw new AssessmentException('assessment.json-malformed', 'send { "batchId": "...", "results": [ ... ] }', 'body');
    const extra = Object.keys(envelope).filter((k) => k !== 'batchId' && k !== 'results');
    if (extra.length)
      throw new AssessmentException(
        'assessment.json-malformed',
        `unknown properties: ${extra.join(', ')}; send { "batchId": "...", "results": [ ... ] }`,
        extra[0],
      );
    if (envelope.batchId !== undefined && typeof envelope.batchId !== 'string')
      throw new AssessmentException('assessment.json-malformed', 'batchId must be a string', 'batchId');
    const parsed = parseJsonUpload(envelope.results, limits);
    const digest = sha256(canonicalize(envelope.results) ?? '');
    return { ...parsed, batchId: (envelope.batchId as string | undefined) ?? fromRequest ?? defaultBatchId(digest), digest };
  }
  throw new AssessmentException(
    'assessment.unsupported-media-type',
    `send the batch as application/json or text/csv, not ${type || 'no content type'}`,
    'content-type',
  );
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const defaultBatchId = (digest: string): string => `sha256-${digest.slice(0, 32)}`;
