/** Uniqueness questions about members that span aggregates, answered by the read model. */
export abstract class InstitutionDirectory {
  /** Id of the member registered with this DID, if any. */
  abstract idByDid(did: string): Promise<string | undefined>;
  /** Id of the member registered with this name (case-insensitive), if any. */
  abstract idByName(name: string): Promise<string | undefined>;
}
