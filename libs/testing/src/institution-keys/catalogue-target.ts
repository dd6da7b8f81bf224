/** What a supertest agent offers (`request(app.getHttpServer())`), so this library needs no supertest types. */
export interface SupertestLike {
  post(path: string): {
    set(name: string, value: string): { send(body: object): PromiseLike<{ status: number; body: unknown; text: string }> };
  };
}

/** How these functions reach the catalogue: its base URL (over fetch) or a supertest agent factory. */
export type CatalogueTarget = string | (() => SupertestLike);

export interface JsonAnswer<T> {
  status: number;
  body: T;
}

/** A catalogue answer outside 2xx, with the problem it returned. */
export class CatalogueCallError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`POST ${path} answered ${status}: ${JSON.stringify(body)}`);
    this.name = 'CatalogueCallError';
  }
}

/** POSTs JSON with a bearer token (given with or without `Bearer `); any status but 2xx throws. */
export async function postJson<T>(target: CatalogueTarget, path: string, token: string, body: object): Promise<JsonAnswer<T>> {
  const authorization = /^bearer /i.test(token) ? token : `Bearer ${token}`;
  let answer: JsonAnswer<unknown>;
  if (typeof target === 'string') {
    const res = await fetch(target.replace(/\/+$/, '') + path, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    answer = { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  } else {
    const res = await target().post(path).set('authorization', authorization).send(body);
    answer = { status: res.status, body: res.text ? (JSON.parse(res.text) as unknown) : res.body };
  }
  if (answer.status < 200 || answer.status > 299) throw new CatalogueCallError(path, answer.status, answer.body);
  return answer as JsonAnswer<T>;
}
