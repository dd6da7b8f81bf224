import {
  admin,
  adminOf,
  approvedBy,
  drafted,
  NOW,
  proposed,
  published,
  registry,
  SPEC,
  spec,
} from '../__fixtures__/credential-spec-history.fixture';
import { sustainableEnergyDefinition } from '../__fixtures__/definition.fixture';
import { AAU, DCU, KTU, MEMBERS, registryWith, TUHH } from '../__fixtures__/members.fixture';
import { rejected } from '../__fixtures__/rejected';

describe('credential definition lifecycle', () => {
  it('drafts version 1 from a valid definition', () => {
    spec
      .given([])
      .when({ type: 'DraftCredentialSpec', credentialSpecId: SPEC, definition: sustainableEnergyDefinition(), registry }, admin)
      .then({
        type: 'CredentialSpecDrafted',
        data: { credentialSpecId: SPEC, version: 1, definition: sustainableEnergyDefinition(), draftedAt: NOW.toISOString() },
      });
  });

  it('refuses awarding bodies that are not members in good standing', () => {
    const withKtu = sustainableEnergyDefinition({
      awardingBodies: [
        { institutionId: AAU, lead: true },
        { institutionId: KTU, lead: false },
      ],
    });
    withKtu.components = withKtu.components.map((c) => ({ ...c, institutionId: c.institutionId === AAU ? AAU : KTU }));
    spec
      .given([])
      .when({ type: 'DraftCredentialSpec', credentialSpecId: SPEC, definition: withKtu, registry })
      .thenThrows(rejected('awarding-bodies.member-not-active', 422, 'awardingBodies[1].institutionId'));
    const stranger = sustainableEnergyDefinition({
      awardingBodies: [
        { institutionId: AAU, lead: true },
        { institutionId: 'nobody', lead: false },
      ],
    });
    stranger.components = stranger.components.map((c) => ({ ...c, institutionId: AAU }));
    spec
      .given([])
      .when({ type: 'DraftCredentialSpec', credentialSpecId: SPEC, definition: stranger, registry })
      .thenThrows(rejected('awarding-bodies.not-a-member', 422, 'awardingBodies[1].institutionId'));
  });

  it('asks every awarding body to approve, and records each approval with its actor', () => {
    expect(proposed().at(-1)).toMatchObject({ type: 'CredentialSpecProposed', data: { version: 1, requiredApprovals: [AAU, DCU, TUHH] } });
    spec
      .given(proposed())
      .when({ type: 'ApproveCredentialSpec', institutionId: DCU, approverStatus: 'active', comment: 'DCU senate 2026-01' }, adminOf(DCU))
      .then({
        type: 'CredentialSpecApproved',
        data: {
          credentialSpecId: SPEC,
          version: 1,
          institutionId: DCU,
          approvedBy: `admin@${DCU}`,
          approvedAt: NOW.toISOString(),
          comment: 'DCU senate 2026-01',
        },
      });
    spec
      .given(approvedBy(AAU, DCU, TUHH))
      .when({ type: 'PublishCredentialSpec', registry })
      .thenState((s) => expect(s?.versions[0].status).toBe('published'));
  });

  it('refuses approving twice, for another institution, by a non-awarding member, or before the proposal', () => {
    const approve = (institutionId: string) => ({
      type: 'ApproveCredentialSpec' as const,
      institutionId,
      approverStatus: 'active' as const,
    });
    spec.given(approvedBy(AAU)).when(approve(AAU), adminOf(AAU)).thenThrows(rejected('approval.duplicate', 409));
    spec
      .given(proposed())
      .when(approve(DCU), adminOf(AAU))
      .thenThrows(rejected('approval.other-institution', 403, 'institutionId'));
    spec
      .given(proposed())
      .when(approve('liu-active-member'), adminOf('liu-active-member'))
      .thenThrows(rejected('approval.not-an-awarding-body', 403));
    spec.given(drafted()).when(approve(AAU), adminOf(AAU)).thenThrows(rejected('approval.not-proposed', 409));
  });

  it('refuses the approval of a member that is pending or not registered (409), and of a suspended one (403 naming its standing)', () => {
    spec
      .given(proposed())
      .when({ type: 'ApproveCredentialSpec', institutionId: DCU, approverStatus: 'pending' }, adminOf(DCU))
      .thenThrows(rejected('approval.member-not-active', 409, 'institutionId'));
    spec
      .given(proposed())
      .when({ type: 'ApproveCredentialSpec', institutionId: KTU, approverStatus: 'suspended' }, adminOf(KTU))
      .thenThrows(rejected('member-suspended', 403));
    spec
      .given(proposed())
      .when({ type: 'ApproveCredentialSpec', institutionId: AAU, approverStatus: undefined }, adminOf(AAU))
      .thenThrows(rejected('approval.member-not-active', 409, 'institutionId'));
  });

  it('refuses a pending member as awarding body when drafting, revising or proposing', () => {
    const pendingDcu = registryWith(
      [],
      MEMBERS.map((m) => (m.institutionId === DCU ? { ...m, status: 'pending' as const } : m)),
    );
    const field = 'awardingBodies[1].institutionId';
    spec
      .given([])
      .when({ type: 'DraftCredentialSpec', credentialSpecId: SPEC, definition: sustainableEnergyDefinition(), registry: pendingDcu })
      .thenThrows((e) => rejected('awarding-bodies.member-not-active', 422, field)(e) && /pending/.test((e as Error).message));
    spec
      .given(drafted())
      .when({ type: 'ReviseCredentialSpecDraft', definition: sustainableEnergyDefinition(), registry: pendingDcu })
      .thenThrows(rejected('awarding-bodies.member-not-active', 422, field));
    spec
      .given(drafted())
      .when({ type: 'ProposeCredentialSpec', registry: pendingDcu })
      .thenThrows(rejected('awarding-bodies.member-not-active', 422, field));
  });

  it('refuses publishing before every approval, naming who is pending', () => {
    spec
      .given(approvedBy(AAU, DCU))
      .when({ type: 'PublishCredentialSpec', registry })
      .thenThrows((e) => rejected('publish.approvals-missing', 409, 'approvals')(e) && (e as Error).message.includes(TUHH));
    spec.given(drafted()).when({ type: 'PublishCredentialSpec', registry }).thenThrows(rejected('publish.not-approved', 409));
  });

  it('publishes a self-contained snapshot: members with DIDs and countries, components with owners, approvals', () => {
    const event = published().at(-1)!;
    expect(event.type).toBe('CredentialSpecPublished');
    const definition = (event.data as unknown as { definition: Record<string, unknown> }).definition;
    expect(definition).toMatchObject({
      credentialSpecId: SPEC,
      version: 1,
      title: 'Sustainable Energy Systems: Challenge-Based Learning',
      ects: 6,
      eqfLevel: 7,
      awardingBodies: [
        { institutionId: AAU, lead: true, did: 'did:web:www.aau.dk', countryCode: 'DK', name: 'Aalborg University' },
        { institutionId: DCU, lead: false, did: 'did:web:www.dcu.ie', countryCode: 'IE' },
        { institutionId: TUHH, lead: false, did: 'did:web:www.tuhh.de', countryCode: 'DE', region: 'DE-HH' },
      ],
      components: [{ code: 'ENERGY-MODEL', institutionId: AAU, institutionDid: 'did:web:www.aau.dk', ects: 2 }, {}, {}],
      issuanceRule: { allComponentsPassed: true, withinMonths: 12 },
      stackParts: [],
    });
    expect((definition.approvals as unknown[]).length).toBe(3);
  });
});
