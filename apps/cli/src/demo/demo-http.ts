/** The fields of an RFC 9457 problem the demo quotes back to the operator. */
export interface Problem {
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
}

export interface Answer<T> {
  status: number;
  body: T;
}

export interface SendOptions {
  body?: unknown;
  bearer?: string;
  /** Statuses besides 2xx the caller handles itself (e.g. 404 until a message reaches a service). */
  accept?: number[];
}

/** An answer nobody planned for, or a service out of reach, phrased as the next thing to try. */
export class DemoError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly problem?: Problem,
  ) {
    super(message);
    this.name = 'DemoError';
  }
}

/** One service of the platform as the demo talks to it: JSON over HTTP, errors worded for an operator. */
export class ServiceClient {
  private readonly root: string;

  constructor(
    readonly service: string,
    baseUrl: string,
  ) {
    this.root = baseUrl.replace(/\/+$/, '');
  }

  get baseUrl(): string {
    return this.root;
  }

  async send<T>(method: string, path: string, options: SendOptions = {}): Promise<Answer<T>> {
    const { body, bearer, accept = [] } = options;
    let res: Response;
    try {
      res = await fetch(this.root + path, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      throw unreachable(this.service, this.root, e);
    }
    const text = await res.text();
    const parsed = parse(text);
    if (res.ok || accept.includes(res.status)) return { status: res.status, body: parsed as T };
    throw refused(this.service, `${method} ${path}`, res.status, parsed as Problem | undefined, text);
  }

  async json<T>(method: string, path: string, options?: Omit<SendOptions, 'accept'>): Promise<T> {
    return (await this.send<T>(method, path, options)).body;
  }
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function unreachable(service: string, root: string, cause: unknown): DemoError {
  const why = cause instanceof Error ? ((cause.cause as Error | undefined)?.message ?? cause.message) : String(cause);
  return new DemoError(
    `cannot reach the ${service} service at ${root} (${why}): is the platform running? ` +
      'Start it with `npm start` (embedded, ports 3001-3006), or `npm run start:distributed` and run the demo with `--base-port 4001`.',
  );
}

function refused(service: string, request: string, status: number, problem: Problem | undefined, text: string): DemoError {
  const said = problem?.detail ?? problem?.title ?? (text.slice(0, 300) || '(empty body)');
  const code = problem?.code ? ` [${problem.code}]` : '';
  // A token the platform does not accept is almost always a different secret in the two shells.
  const hint =
    status === 401
      ? ' The platform refused the token: run the demo with the same AUTH_JWT_SECRET, AUTH_ISSUER and AUTH_AUDIENCE as the platform.'
      : status >= 500
        ? ` See the ${service} service's log for the cause.`
        : '';
  return new DemoError(`the ${service} service answered ${request} with ${status}${code}: ${said}.${hint}`, status, problem);
}
