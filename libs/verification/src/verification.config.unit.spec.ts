import { loadServiceConfig } from '@alliance/nest-kit';
import { VERIFICATION_SERVICE } from './verification.service-descriptor';

describe('verification switches from the environment', () => {
  const load = (env: Record<string, string>) => loadServiceConfig(VERIFICATION_SERVICE, env);

  it('are on by default and read "false"/"0" as off, "true"/"1" as on', () => {
    expect(load({})).toMatchObject({ VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: true, VERIFICATION_RESOLVE_DID_WEB: true });
    expect(load({ VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: 'false', VERIFICATION_RESOLVE_DID_WEB: '0' })).toMatchObject({ VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: false, VERIFICATION_RESOLVE_DID_WEB: false });
    expect(load({ VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: 'TRUE', VERIFICATION_RESOLVE_DID_WEB: '1' })).toMatchObject({ VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: true, VERIFICATION_RESOLVE_DID_WEB: true });
  });

  it('refuse anything else, naming the variable', () => {
    expect(() => load({ VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: 'maybe' })).toThrow(/VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS/);
  });
});
