import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, type ProblemDetails } from '../../errors/problem';

/** Node's parser error codes the client caused, and the problem each one is. */
const PARSER_PROBLEMS: Readonly<Record<string, { status: number; code: string; field: string; detail: string }>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'request-header-fields-too-large',
    field: 'headers',
    detail: 'The request line and headers are larger than this server reads (a query string that long belongs in a body).',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request-timeout', field: 'request', detail: 'The request did not arrive in time.' },
};
const MALFORMED = { status: 400, code: 'malformed-request', field: 'request', detail: 'The request is not valid HTTP/1.1.' };
const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * Node's HTTP parser refuses some requests before Express sees them (headers or a query string over the size
 * limit, malformed request lines) and by default answers them with an empty, untyped 4xx. This answers them as
 * every other refusal is answered: application/problem+json naming what was wrong. Call once per server.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const kind = PARSER_PROBLEMS[err.code ?? ''] ?? MALFORMED;
    const problem: ProblemDetails = {
      type: PROBLEM_TYPE_BASE + kind.code,
      title: REASONS[kind.status]!,
      status: kind.status,
      detail: kind.detail,
      code: kind.code,
      errors: [{ field: kind.field, message: kind.detail }],
    };
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${kind.status} ${REASONS[kind.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/** Installs `answerClientErrorsAsProblems` on the service's HTTP server once the application is built. */
@Injectable()
export class ClientErrorProblems implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server && server.listenerCount('clientError') === 0) answerClientErrorsAsProblems(server);
  }
}
