import { SIGNER_PATHS, type SigningRequestsV1, type SigningRequestV1, type StatusListSigningRequestV1 } from '@alliance/contracts';

/** An answer from the platform that was not a success: its status and problem+json body, when it sent one. */
export class PlatformError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { type?: string; title?: string; detail?: string; code?: string; rule?: string } | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  /** The problem's stable code (e.g. `issuance.proof.already-present`). */
  get code(): string | undefined {
    return this.problem?.code ?? (typeof this.problem?.type === 'string' ? this.problem.type.split('/').pop() : undefined);
  }
}

/** The signer's only connection: outbound HTTPS (or HTTP on loopback) to the issuance service. */
export class PlatformClient {
  constructor(
    private readonly issuanceUrl: string,
    private readonly token: () => Promise<string>,
    private readonly timeoutMs = 15_000,
  ) {}

  async pending(limit = 20): Promise<SigningRequestV1[]> {
    const body = await this.call<SigningRequestsV1>('GET', `${SIGNER_PATHS.requests}?limit=${limit}`);
    return body.items;
  }

  submitProof(credentialId: string, proof: Record<string, unknown>): Promise<{ lifecycle: string; awaiting: string[] }> {
    return this.call('POST', SIGNER_PATHS.proof(credentialId), { proof });
  }

  refuse(credentialId: string, code: string, reason: string): Promise<unknown> {
    return this.call('POST', SIGNER_PATHS.refusal(credentialId), { code, reason });
  }

  async pendingStatusLists(): Promise<StatusListSigningRequestV1[]> {
    return (await this.call<{ items: StatusListSigningRequestV1[] }>('GET', SIGNER_PATHS.statusLists)).items;
  }

  submitStatusListProof(listId: string, changedPosition: number, proof: Record<string, unknown>): Promise<unknown> {
    return this.call('POST', SIGNER_PATHS.statusListProof(listId), { changedPosition, proof });
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = new URL(path, this.issuanceUrl).toString();
    const response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${await this.token()}`,
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const problem = parsed as PlatformError['problem'];
      throw new PlatformError(
        response.status,
        problem,
        `${method} ${url} answered ${response.status}: ${problem?.detail ?? problem?.title ?? text.slice(0, 200)}`,
      );
    }
    return parsed as T;
  }
}
