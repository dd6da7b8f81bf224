import { preAuthorizedCodeGrantIdentifier } from '@openid4vc/oauth2';
import type { CredentialOfferObject } from '@openid4vc/openid4vci';
import QRCode from 'qrcode';
import type { IssuerProtocol } from './issuer-protocol';

/** What the End-User is told about the transaction code (§4.1.1 `tx_code`); always digits here. */
export interface TxCodeDescription {
  length: number;
  /** How the code reaches the End-User; at most 300 characters. */
  description?: string;
}

/** Options of {@link createPreAuthorizedOffer}. */
export interface PreAuthorizedOfferOptions {
  credentialConfigurationIds: string[];
  /** From {@link generatePreAuthorizedCode}; the caller stores only its hash. */
  preAuthorizedCode: string;
  /** Present when the token request must carry a transaction code. */
  txCode?: TxCodeDescription;
  /** When given, the offer is also rendered by reference at `endpoints.credentialOfferUri(offerId)`. */
  offerId?: string;
}

/** A credential offer and the wallet links that carry it. */
export interface PreAuthorizedOffer {
  /** The Credential Offer object, also the JSON to serve at the offer URI. */
  offer: CredentialOfferObject;
  /** `openid-credential-offer://?credential_offer=…` */
  byValue: string;
  /** `openid-credential-offer://?credential_offer_uri=…`, when `offerId` was given. */
  byReference?: string;
}

/**
 * Builds a pre-authorized code offer (§4.1) with the library, which checks that every configuration id is in
 * the issuer metadata.
 */
export async function createPreAuthorizedOffer(protocol: IssuerProtocol, options: PreAuthorizedOfferOptions): Promise<PreAuthorizedOffer> {
  if (options.txCode?.description && options.txCode.description.length > 300) {
    throw new Error('tx_code description must not exceed 300 characters');
  }
  const grant = {
    'pre-authorized_code': options.preAuthorizedCode,
    ...(options.txCode ? { tx_code: { input_mode: 'numeric' as const, ...options.txCode } } : {}),
  };
  const common = {
    issuerMetadata: protocol.issuerMetadata,
    credentialConfigurationIds: options.credentialConfigurationIds,
    grants: { [preAuthorizedCodeGrantIdentifier]: grant },
  };
  const byValue = await protocol.issuer.createCredentialOffer(common);
  const byReference =
    options.offerId === undefined
      ? undefined
      : await protocol.issuer.createCredentialOffer({
          ...common,
          credentialOfferUri: protocol.endpoints.credentialOfferUri(options.offerId),
        });
  return {
    offer: byValue.credentialOfferObject,
    byValue: byValue.credentialOffer,
    ...(byReference ? { byReference: byReference.credentialOffer } : {}),
  };
}

// Medium error correction: offers by value are long, and a phone camera at arm's length copes with M.
const QR_OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2 };

/** An offer link as an SVG QR code (markup string). */
export function offerQrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { ...QR_OPTIONS, type: 'svg' });
}

/** An offer link as a PNG QR code, as a `data:image/png;base64,…` URL. */
export function offerQrPngDataUrl(link: string): Promise<string> {
  return QRCode.toDataURL(link, { ...QR_OPTIONS, type: 'image/png' });
}
