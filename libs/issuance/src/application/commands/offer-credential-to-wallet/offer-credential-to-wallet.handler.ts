import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Credential } from '../../../domain/credential/credential.state';
import { IssuanceException } from '../../../domain/issuance.exception';
import { requireMemberMayAct } from '../../../domain/knowledge/member-standing';
import { WALLET_CONFIGURATIONS } from '../../../domain/wallet-offer/wallet-offer.rules';
import type { CommandActor } from '../../base.command';
import { IssuanceAggregates } from '../../issuance-aggregates';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { OfferCodes } from '../../wallet/offer-codes';
import { OfferCredentialToWalletCommand, type WalletOfferMade } from './offer-credential-to-wallet.command';

/** Three days: long enough to reach a phone, short enough that a forgotten offer does not stay open. */
export const DEFAULT_OFFER_TTL_SECONDS = 3 * 24 * 3600;
/** Six digits, as wallets' input screens expect. */
export const TX_CODE_DIGITS = 6;

@CommandHandler(OfferCredentialToWalletCommand)
export class OfferCredentialToWalletHandler implements ICommandHandler<OfferCredentialToWalletCommand> {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
    private readonly codes: OfferCodes,
  ) {}

  async execute(command: OfferCredentialToWalletCommand): Promise<WalletOfferMade> {
    const credential = (await this.aggregates.credential.load(command.credentialId)).state;
    await this.requireMayOffer(command.actor, credential, command.credentialId);
    const offerId = randomUUID();
    const configurationIds = command.configurationIds ?? Object.values(WALLET_CONFIGURATIONS);
    const txCode = command.txCode === false ? undefined : { length: TX_CODE_DIGITS, inputMode: 'numeric' as const };
    if (txCode && !(await this.aggregates.award.load(credential!.awardId)).state?.learner?.email) {
      throw new IssuanceException(
        'issuance.wallet-offer.no-mail-address',
        'the learner has no e-mail address to send the transaction code to: offer without one ("txCode": false) and hand the offer over in person',
        'txCode',
      );
    }
    const result = await this.aggregates.walletOffer.handle(
      offerId,
      {
        type: 'OfferCredentialToWallet',
        offerId,
        credentialId: credential!.credentialId,
        learnerId: credential!.learnerId,
        configurationIds,
        credentialLifecycle: credential!.lifecycle,
        ...(txCode ? { txCode } : {}),
        ttlSeconds: command.ttlSeconds ?? DEFAULT_OFFER_TTL_SECONDS,
      },
      command.commandContext(),
    );
    return {
      offerId,
      credentialId: credential!.credentialId,
      configurationIds,
      preAuthorizedCode: this.codes.preAuthorizedCode(offerId),
      ...(txCode ? { txCode } : {}),
      expiresAt: result.state!.expiresAt,
      lastPosition: result.lastPosition,
    };
  }

  /**
   * The learner the credential was issued to, or a registrar or admin of one of its awarding bodies whose
   * membership lets it act. Anyone else learns nothing, not even that the credential exists.
   */
  private async requireMayOffer(actor: CommandActor, credential: Credential | undefined, id: string): Promise<void> {
    const notFound = () => new IssuanceException('issuance.credential-not-found', `No credential with id ${id}.`, 'credentialId');
    if (!credential) throw notFound();
    if (actor.role === 'learner') {
      if (actor.subject !== credential.learnerId) throw notFound();
      return;
    }
    const staff = (actor.role === 'registrar' || actor.role === 'institution-admin') && actor.institution;
    if (!staff || !credential.awardingBodies.some((b) => b.institutionId === actor.institution)) throw notFound();
    requireMemberMayAct(actor.institution!, (await this.knowledge.institution(actor.institution!))?.status);
  }
}
