import { awardingBody } from './integration-facts';

/** A component of a published definition as the catalogue announces it, taught by `institutionId` (hosted after its id). */
export const definitionComponent = (code: string, title: string, institutionId: string, institutionName: string, ects: number) => ({
  code,
  title,
  institutionId,
  institutionDid: `did:web:${institutionId}.example`,
  institutionName,
  ects,
});

export interface PublishedDefinitionParts {
  credentialSpecId: string;
  version: number;
  title: string;
  ects: number;
  /** The lead awarding body, then its partner. */
  awardedBy: [lead: string, partner: string];
  components: ReturnType<typeof definitionComponent>[];
}

/**
 * A definition as the catalogue publishes it on 15 January 2026: project work at EQF level 7, taught blended and in
 * English, internally quality-assured, issued once every component is passed.
 */
export const publishedDefinition = ({ credentialSpecId, version, title, ects, awardedBy, components }: PublishedDefinitionParts) => ({
  credentialSpecId,
  version,
  publishedAt: '2026-01-15T10:00:00.000Z',
  title,
  learningOutcomes: [{ description: 'Model a district heating network' }],
  ects,
  eqfLevel: 7,
  assessmentType: 'project',
  formOfParticipation: 'blended',
  qualityAssurance: { type: 'internal', body: 'Alliance QA board' },
  awardingBodies: [awardingBody(awardedBy[0], true), awardingBody(awardedBy[1], false)],
  components,
  issuanceRule: { allComponentsPassed: true },
  languages: ['en'],
  stackParts: [],
});
