import type { IntegrationMessage } from '@alliance/messaging';
import type { IntegrationContract } from './contract';

export type DecodeFailure = {
  ok: false;
  /** `unknown-type`: no contract of that name; `unknown-version`: the name exists, not that version. */
  code: 'unknown-type' | 'unknown-version' | 'invalid-payload';
  reason: string;
};

export type DecodeResult<T extends object = object> =
  { ok: true; contract: IntegrationContract<T>; message: IntegrationMessage<T> } | DecodeFailure;

/** Maps type + version to a contract and turns raw messages into typed, validated ones. */
export class ContractRegistry {
  private readonly contracts = new Map<string, Map<number, IntegrationContract>>();

  constructor(contracts: readonly IntegrationContract[] = []) {
    for (const c of contracts) this.register(c);
  }

  register(contract: IntegrationContract): this {
    let versions = this.contracts.get(contract.type);
    if (!versions) this.contracts.set(contract.type, (versions = new Map()));
    if (versions.has(contract.version)) throw new Error(`${contract.name} is registered twice`);
    versions.set(contract.version, contract);
    return this;
  }

  get(type: string, version: number): IntegrationContract | undefined {
    return this.contracts.get(type)?.get(version);
  }

  /** Known versions of a type, ascending. */
  versionsOf(type: string): number[] {
    return [...(this.contracts.get(type)?.keys() ?? [])].sort((a, b) => a - b);
  }

  all(): IntegrationContract[] {
    return [...this.contracts.values()].flatMap((v) => [...v.values()]);
  }

  decode(message: IntegrationMessage): DecodeResult {
    const versions = this.versionsOf(message.type);
    if (versions.length === 0) return { ok: false, code: 'unknown-type', reason: `${message.type} is not a known integration event` };
    const contract = this.get(message.type, message.version);
    if (!contract) {
      return {
        ok: false,
        code: 'unknown-version',
        reason: `${message.type} v${message.version} is not a known version (known: ${versions.map((v) => `v${v}`).join(', ')})`,
      };
    }
    const parsed = contract.parse(message.payload);
    if (!parsed.ok) return { ok: false, code: 'invalid-payload', reason: `${contract.name}: ${parsed.problems.join('; ')}` };
    return { ok: true, contract, message: { ...message, payload: parsed.payload } };
  }
}
