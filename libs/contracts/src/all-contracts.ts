import type { IntegrationContract } from './contract';
import { ContractRegistry } from './contract-registry';
import * as assessment from './assessment';
import * as catalogue from './catalogue';
import * as enrolment from './enrolment';
import * as issuance from './issuance';
import * as verification from './verification';

const isContract = (value: unknown): value is IntegrationContract =>
  typeof value === 'object' && value !== null && 'name' in value && 'keyOf' in value && 'parse' in value;

/** Every public integration event of the platform, all versions. */
export const ALL_CONTRACTS: readonly IntegrationContract[] = [catalogue, enrolment, assessment, issuance, verification].flatMap((m) =>
  Object.values(m).filter(isContract),
);

/** A registry that knows every contract; consumers usually share one. */
export function createContractRegistry(): ContractRegistry {
  return new ContractRegistry(ALL_CONTRACTS);
}
