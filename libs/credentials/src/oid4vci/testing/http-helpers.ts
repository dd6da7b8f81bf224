// Test-only: the bits of HTTP plumbing the test issuer server needs.
import type { IncomingMessage } from 'node:http';
import type { ProtocolResponse } from '../protocol-response';

/** A 200 JSON answer. */
export function json(body: unknown): ProtocolResponse<unknown> {
  return { status: 200, headers: {}, body };
}

/** The request body: form fields, JSON, or the raw text when it is neither. */
export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
