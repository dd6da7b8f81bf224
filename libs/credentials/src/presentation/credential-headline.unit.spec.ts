import { buildInput, definition } from '../__tests__/alliance-fixture';
import type { JsonObject } from '../data-integrity/types';
import { buildAchievementCredential } from '../model/build-achievement-credential';
import { credentialHeadline } from './credential-headline';

describe('credentialHeadline', () => {
  it('reads title, description, learner, award date, awarding bodies (issuer first) and id', () => {
    const credential = buildAchievementCredential(buildInput({ learner: { id: 'l', givenName: 'Ελένη', familyName: 'Łukasiewicz' } }));
    expect(credentialHeadline(credential)).toEqual({
      title: 'Sustainable Energy Systems',
      description: definition().description,
      learner: 'Ελένη Łukasiewicz',
      awarded: '30 June 2025',
      awardingBodies: ['University A (Germany, Bavaria)', 'University B (Portugal)', 'University C (Finland)'],
      id: 'urn:uuid:0a9c1a3e-6f5d-4c1e-9a43-6a4c1d2e3f40',
    });
  });

  it('puts an issuer the achievement does not list first, and keeps an unknown country code as it is', () => {
    const credential = buildAchievementCredential(buildInput());
    credential.issuer = { id: 'did:web:other.example', name: 'Other College', address: { addressCountryCode: 'ZZ' } };
    expect(credentialHeadline(credential).awardingBodies).toEqual([
      'Other College (ZZ)',
      'University A (Germany, Bavaria)',
      'University B (Portugal)',
      'University C (Finland)',
    ]);
  });

  it('falls back to the credential name and valid-from date, and leaves out what is not there', () => {
    const credential: JsonObject = { name: 'Bare badge', validFrom: '2026-01-02T00:00:00Z', issuer: 'did:web:a.example' };
    expect(credentialHeadline(credential)).toEqual({ title: 'Bare badge', awarded: '2 January 2026', awardingBodies: [] });
    expect(credentialHeadline({})).toEqual({ title: 'Untitled credential', awardingBodies: [] });
  });
});
