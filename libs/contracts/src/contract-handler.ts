import { PoisonMessageError, type IntegrationMessage, type MessageContext, type MessageHandler } from '@alliance/messaging';
import type { IntegrationContract } from './contract';
import type { ContractRegistry } from './contract-registry';

export interface ContractRoute {
  contract: IntegrationContract;
  handle(message: IntegrationMessage<object>, context: MessageContext): Promise<void>;
}

/** Pairs a contract with its typed handler. */
export function on<T extends object>(
  contract: IntegrationContract<T>,
  handle: (message: IntegrationMessage<T>, context: MessageContext) => Promise<void>,
): ContractRoute {
  return { contract, handle: handle as (message: IntegrationMessage<object>, context: MessageContext) => Promise<void> };
}

/**
 * A bus handler that dispatches validated, typed messages to routes. Types the consumer has no route for
 * are skipped (a topic carries every event of its context); a routed type in a version it does not handle,
 * or with an invalid payload, is poison and goes to the dead-letter topic with a readable reason.
 */
export function contractHandler(registry: ContractRegistry, routes: ContractRoute[]): MessageHandler {
  const byName = new Map<string, ContractRoute>();
  const routedTypes = new Map<string, number[]>();
  for (const route of routes) {
    if (byName.has(route.contract.name)) throw new Error(`two routes for ${route.contract.name}`);
    byName.set(route.contract.name, route);
    routedTypes.set(route.contract.type, [...(routedTypes.get(route.contract.type) ?? []), route.contract.version]);
  }
  return async (message, context) => {
    const handled = routedTypes.get(message.type);
    if (!handled) return;
    const route = byName.get(`${message.type}.v${message.version}`);
    if (!route) {
      const known = handled.map((v) => `v${v}`).join(', ');
      throw new PoisonMessageError(
        'unknown-version',
        `${message.type} v${message.version} arrived but this consumer handles only ${known}`,
      );
    }
    const decoded = registry.decode(message);
    if (!decoded.ok) throw new PoisonMessageError(decoded.code, decoded.reason);
    await route.handle(decoded.message, context);
  };
}
