import {
  admin,
  adminOf,
  approvedBy,
  drafted,
  NOW,
  proposed,
  published,
  registry,
  run,
  SPEC,
  spec,
} from '../__fixtures__/credential-spec-history.fixture';
import { sustainableEnergyDefinition } from '../__fixtures__/definition.fixture';
import { AAU, DCU, registryWith, TUHH } from '../__fixtures__/members.fixture';
import { rejected } from '../__fixtures__/rejected';

describe('credential definition versions: edits, new versions, retirement', () => {
  it('never edits a published version: a change is a new version that supersedes it when published', () => {
    const v1 = published();
    spec
      .given(v1)
      .when({ type: 'ReviseCredentialSpecDraft', definition: sustainableEnergyDefinition({ title: 'Changed title' }), registry })
      .thenThrows(rejected('credential-spec.published-immutable', 409));
    const v2 = run(v1, {
      type: 'DraftCredentialSpecVersion',
      definition: sustainableEnergyDefinition({ title: 'Sustainable Energy Systems (2027)' }),
      registry,
    });
    expect(v2.at(-1)).toMatchObject({ type: 'CredentialSpecVersionDrafted', data: { version: 2, basedOnVersion: 1 } });
    spec.given(v2).when({ type: 'DraftCredentialSpecVersion', registry }).thenThrows(rejected('version.open-version-exists', 409));
    const approved2 = [AAU, DCU, TUHH].reduce(
      (events, id) => run(events, { type: 'ApproveCredentialSpec', institutionId: id, approverStatus: 'active' }, adminOf(id)),
      run(v2, { type: 'ProposeCredentialSpec', registry }),
    );
    spec
      .given(approved2)
      .when({ type: 'PublishCredentialSpec', registry })
      .thenState((s) =>
        expect(s?.versions.map((v) => [v.version, v.status])).toEqual([
          [1, 'superseded'],
          [2, 'published'],
        ]),
      );
  });

  it('edits a draft, but not a version under approval until its proposal is withdrawn', () => {
    spec
      .given(drafted())
      .when({ type: 'ReviseCredentialSpecDraft', definition: sustainableEnergyDefinition({ title: 'Energy Systems' }), registry })
      .thenState((s) => expect(s?.versions[0].definition.title).toBe('Energy Systems'));
    spec
      .given(proposed())
      .when({ type: 'ReviseCredentialSpecDraft', definition: sustainableEnergyDefinition(), registry })
      .thenThrows(rejected('credential-spec.under-approval', 409));
    spec
      .given(approvedBy(AAU))
      .when({ type: 'WithdrawCredentialSpecProposal', reason: 'workload to be revised' })
      .thenState((s) => expect(s?.versions[0]).toMatchObject({ status: 'draft', approvals: [] }));
    spec
      .given(approvedBy(AAU))
      .when(
        { type: 'DeclineCredentialSpec', institutionId: DCU, declinerStatus: 'active', reason: 'our component needs 3 ECTS' },
        adminOf(DCU),
      )
      .thenState((s) => expect(s?.versions[0].status).toBe('draft'));
  });

  it('retires a published version, and only a published one', () => {
    spec
      .given(published())
      .when({ type: 'RetireCredentialSpec', reason: 'replaced by the 2027 programme' }, admin)
      .then({
        type: 'CredentialSpecRetired',
        data: { credentialSpecId: SPEC, version: 1, reason: 'replaced by the 2027 programme', retiredAt: NOW.toISOString() },
      });
    spec.given(drafted()).when({ type: 'RetireCredentialSpec', reason: 'x' }).thenThrows(rejected('retire.not-published', 409));
  });

  it('re-checks the members at publication: a suspended awarding body blocks it', () => {
    const suspended = registryWith(
      [],
      [...registry.members.values()].map((m) => (m.institutionId === DCU ? { ...m, status: 'suspended' as const } : m)),
    );
    spec
      .given(approvedBy(AAU, DCU, TUHH))
      .when({ type: 'PublishCredentialSpec', registry: suspended })
      .thenThrows(rejected('awarding-bodies.member-not-active', 422, 'awardingBodies[1].institutionId'));
  });
});
