import { randomUUID } from 'node:crypto';

/** An awarding body of a published definition as the catalogue announces it, named and hosted after its id. */
export const awardingBody = (institutionId: string, lead: boolean) => ({
  institutionId,
  lead,
  name: `University ${institutionId}`,
  legalName: `University ${institutionId}`,
  did: `did:web:${institutionId}.example`,
  countryCode: 'DK',
  homepage: `https://${institutionId}.example`,
});

/** A fresh envelope for a fact a test publishes the way another context would. */
export const factEnvelope = () => ({ eventId: randomUUID(), occurredAt: new Date().toISOString(), correlationId: randomUUID() });
