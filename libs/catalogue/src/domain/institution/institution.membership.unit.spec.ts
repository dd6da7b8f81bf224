import {
  adminOf,
  allianceAdmin,
  decide,
  ID,
  legacyRegistered,
  register,
  registered,
  spec,
  T0,
  T1,
  withFirstKey,
} from '../__fixtures__/institution-history.fixture';
import { removed, suspended } from '../__fixtures__/member-standing.fixture';
import { rejected } from '../__fixtures__/rejected';

describe('institution membership', () => {
  it('registers a member as pending, with its profile', () => {
    spec
      .given([])
      .when(register(), allianceAdmin)
      .then({
        type: 'InstitutionRegistered',
        data: {
          institutionId: ID,
          name: 'Aalborg University',
          legalName: 'Aalborg Universitet',
          countryCode: 'DK',
          region: 'DK-81',
          homepage: 'https://www.aau.dk',
          did: 'did:web:www.aau.dk',
          registeredAt: T0.toISOString(),
          status: 'pending',
        },
      });
    spec
      .given([])
      .when(register(), allianceAdmin)
      .thenState((s) =>
        expect(s).toMatchObject({ status: 'pending', statusHistory: [{ status: 'pending', from: T0.toISOString() }], keys: [] }),
      );
  });

  it('keeps a member registered before onboarding existed (no status in its event) active from the start', () => {
    spec
      .given(legacyRegistered())
      .when({ type: 'SuspendInstitution', reason: 'QA review' }, { ...allianceAdmin, now: T1 })
      .then(suspended);
  });

  it('leaves membership to the alliance-admin: an institution-admin may not register, suspend, reinstate or remove', () => {
    const own = adminOf(ID);
    spec.given([]).when(register(), own).thenThrows(rejected('institution.alliance-admin-only', 403));
    const { history } = withFirstKey();
    spec.given(history).when({ type: 'SuspendInstitution', reason: 'x' }, own).thenThrows(rejected('institution.alliance-admin-only', 403));
    spec
      .given([...history, suspended])
      .when({ type: 'ReinstateInstitution' }, own)
      .thenThrows(rejected('institution.alliance-admin-only', 403));
    spec.given(history).when({ type: 'RemoveInstitution', reason: 'x' }, own).thenThrows(rejected('institution.alliance-admin-only', 403));
  });

  it('names every bad field of a registration at once', () => {
    spec
      .given([])
      .when(register({ countryCode: 'XX', did: 'did:key:z6Mk', homepage: 'ftp://x', region: 'SE-AB' }), allianceAdmin)
      .thenThrows((e) => {
        const rules = (e as { violations: { rule: string }[] }).violations.map((v) => v.rule).sort();
        expect(rules).toEqual(['institution.country-code', 'institution.did-web', 'institution.homepage', 'institution.region-country']);
        return true;
      });
  });

  it('refuses a region of another country, and registering the same id twice', () => {
    spec
      .given([])
      .when(register({ region: 'SE-AB' }), allianceAdmin)
      .thenThrows(rejected('institution.region-country', 422, 'region'));
    spec.given(registered()).when(register(), allianceAdmin).thenThrows(rejected('institution.already-registered', 409));
  });

  it('suspends only an active member: a pending one has nothing to suspend yet', () => {
    spec
      .given(registered())
      .when({ type: 'SuspendInstitution', reason: 'QA review' }, allianceAdmin)
      .thenThrows(rejected('institution.not-active', 409));
    const { history } = withFirstKey();
    spec
      .given(history)
      .when({ type: 'SuspendInstitution', reason: 'QA review' }, { ...allianceAdmin, now: T1 })
      .then(suspended);
    spec
      .given([...history, suspended])
      .when({ type: 'SuspendInstitution', reason: 'again' }, allianceAdmin)
      .thenThrows(rejected('institution.not-active', 409));
  });

  it('reinstates a suspended member, after its pending and active periods', () => {
    const { history } = withFirstKey();
    spec
      .given([...history, suspended])
      .when({ type: 'ReinstateInstitution' }, { ...allianceAdmin, now: T1 })
      .thenState((s) => expect(s?.statusHistory.map((p) => p.status)).toEqual(['pending', 'active', 'suspended', 'active']));
    spec.given(history).when({ type: 'ReinstateInstitution' }, allianceAdmin).thenThrows(rejected('institution.not-suspended', 409));
  });

  it('removes a member in any standing, pending included, with a reason; a removed member is read-only', () => {
    spec
      .given(registered())
      .when({ type: 'RemoveInstitution', reason: 'left' }, { ...allianceAdmin, now: T1 })
      .then(removed);
    spec
      .given([...withFirstKey().history, suspended])
      .when({ type: 'RemoveInstitution', reason: 'left' }, { ...allianceAdmin, now: T1 })
      .then(removed);
    spec
      .given([...registered(), removed])
      .when({ type: 'RemoveInstitution', reason: 'again' }, allianceAdmin)
      .thenThrows(rejected('institution.removed', 409));
    spec
      .given(registered())
      .when({ type: 'RemoveInstitution', reason: ' ' }, allianceAdmin)
      .thenThrows(rejected('reason.required', 422, 'reason'));
  });

  it('never touches keys when suspending or removing', () => {
    const { history, key } = withFirstKey();
    const after = [...history, ...decide(history, { type: 'SuspendInstitution', reason: 'QA' }, allianceAdmin)];
    spec
      .given(after)
      .when({ type: 'RemoveInstitution', reason: 'left' }, allianceAdmin)
      .thenState((s) => expect(s?.keys).toEqual([key]));
  });

  it('rejects commands on an unknown institution with 404', () => {
    spec.given([]).when({ type: 'SuspendInstitution', reason: 'x' }, allianceAdmin).thenThrows(rejected('institution-not-found', 404));
  });
});
