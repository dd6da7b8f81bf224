import { UNI_A } from '../__fixtures__/specs.fixture';
import { delegatesAutomaticSigning, evolveSigner, initialSignerState, type SignerState } from './signer.state';
import type { SignerEvent } from './signer.events';

const fold = (events: SignerEvent[]): SignerState => events.reduce(evolveSigner, initialSignerState());

describe('signer state: who the platform may sign for', () => {
  it("without any decision, nobody: the default is the institution's own signer", () => {
    const state = fold([
      {
        type: 'SigningKeyGenerated',
        data: {
          institutionId: UNI_A,
          keyRef: 'k1',
          algorithm: 'Ed25519',
          publicKeyMultibase: 'z6Mk',
          generatedAt: '2026-01-01T00:00:00.000Z',
        },
      },
    ]);
    expect(state?.policy).toBe('institution-signer');
    expect(delegatesAutomaticSigning(state)).toBe(false);
  });

  it("automatic chosen by the institution's own admin is a delegation; automatic with no recorded decider is not", () => {
    expect(
      delegatesAutomaticSigning(
        fold([
          {
            type: 'SigningPolicySet',
            data: { institutionId: UNI_A, policy: 'automatic', decidedBy: { subject: 'a', institution: UNI_A } },
          },
        ]),
      ),
    ).toBe(true);
    expect(delegatesAutomaticSigning(fold([{ type: 'SigningPolicySet', data: { institutionId: UNI_A, policy: 'automatic' } }]))).toBe(
      false,
    );
    expect(
      delegatesAutomaticSigning(
        fold([
          {
            type: 'SigningPolicySet',
            data: { institutionId: UNI_A, policy: 'automatic', decidedBy: { subject: 'x', institution: 'other' } },
          },
        ]),
      ),
    ).toBe(false);
  });

  it('going back to the own signer ends the delegation', () => {
    const state = fold([
      { type: 'SigningPolicySet', data: { institutionId: UNI_A, policy: 'automatic', decidedBy: { subject: 'a', institution: UNI_A } } },
      {
        type: 'SigningPolicySet',
        data: { institutionId: UNI_A, policy: 'institution-signer', decidedBy: { subject: 'a', institution: UNI_A } },
      },
    ]);
    expect(delegatesAutomaticSigning(state)).toBe(false);
  });
});
