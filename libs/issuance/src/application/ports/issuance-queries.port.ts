/** The read models the process manager consults to route facts (eventually consistent). */
export abstract class IssuanceQueries {
  /** Credentials still waiting for a proof by this institution. */
  abstract pendingCredentialsOf(institutionId: string): Promise<string[]>;
  /** Credentials still collecting proofs that this institution has not signed yet, oldest first. */
  abstract awaitingProofOf(institutionId: string): Promise<string[]>;
  /** Every credential still collecting proofs, oldest first. */
  abstract pendingCredentials(): Promise<string[]>;
  /** Opened, unawarded, open tracks on this definition version (waiting for the definition to be learned). */
  abstract waitingTracksOf(specId: string, version: number): Promise<string[]>;
  /** Stack definitions (latest learned version) that have this definition as a part. */
  abstract stacksContaining(partSpecId: string): Promise<{ stackSpecId: string; stackVersion: number }[]>;
  /** Issued, unrevoked credentials of a definition: the parts learners already hold. */
  abstract standingCredentialsOf(
    specId: string,
  ): Promise<{ credentialId: string; learnerId: string; awardId: string; awardedAt: string }[]>;
  /** The track on which a learner follows a definition, if any. */
  abstract trackOf(learnerId: string, specId: string): Promise<string | undefined>;
  /** Every opened track that is not closed, awarded or not, with the definition version it is on. */
  abstract openTracks(): Promise<{ awardId: string; specId: string; specVersion: number }[]>;
  /** Every opened track of the learner (open or closed), for the learner's own page. */
  abstract tracksOfLearner(learnerId: string): Promise<string[]>;
  /** The learner's opened, not closed tracks on a definition (any version). */
  abstract openTracksOf(learnerId: string, specId: string): Promise<string[]>;
}
