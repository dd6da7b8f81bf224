import { AsyncLocalStorage } from 'node:async_hooks';

export type Role = 'alliance-admin' | 'institution-admin' | 'registrar' | 'auditor' | 'learner';
export const ROLES: readonly Role[] = ['alliance-admin', 'institution-admin', 'registrar', 'auditor', 'learner'];

/** The authenticated caller, as the JWT states it. */
export interface AuthenticatedActor {
  subject: string;
  role: Role;
  institution?: string;
}

export interface RequestContext {
  correlationId: string;
  actor?: AuthenticatedActor;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Request-scoped context without request-scoped providers (which would re-instantiate handlers per request). */
export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
  correlationId(): string | undefined {
    return storage.getStore()?.correlationId;
  },
};
