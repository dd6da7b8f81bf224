import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Jwk } from '@openid4vc/oauth2';
import QRCode from 'qrcode';
import { readVectorJson } from '../__tests__/vectors';
import { LEARNING_CREDENTIAL_SD_JWT, OPEN_BADGE_LDP_VC } from './credential-configurations';
import { createPreAuthorizedOffer, offerQrPngDataUrl, offerQrSvg } from './credential-offer';
import { createIssuerProtocol } from './issuer-protocol';
import { privateJwkSigner } from './jwt-signer';
import { offerCodeMatchesHash, generatePreAuthorizedCode, generateTransactionCode, hashOfferCode } from './offer-codes';
import { oidfViolations } from './testing/oidf-schemas';

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const protocol = createIssuerProtocol({
  issuerUrl: 'https://issuer.alliance.example',
  display: [{ name: 'Alliance University', locale: 'en' }],
  accessTokenSigner: privateJwkSigner(privateKey.export({ format: 'jwk' }) as Jwk, 'ES256'),
  nonceSecret: randomBytes(32),
});
const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

describe('pre-authorized code credential offer (OID4VCI 1.0 §4.1)', () => {
  it('builds an offer the OIDF offer schema accepts, with a numeric tx_code description', async () => {
    const code = generatePreAuthorizedCode();
    const { offer } = await createPreAuthorizedOffer(protocol, {
      credentialConfigurationIds: [OPEN_BADGE_LDP_VC, LEARNING_CREDENTIAL_SD_JWT],
      preAuthorizedCode: code,
      txCode: { length: 6, description: 'Sent to your university e-mail address' },
    });
    expect(offer).toEqual({
      credential_issuer: 'https://issuer.alliance.example',
      credential_configuration_ids: [OPEN_BADGE_LDP_VC, LEARNING_CREDENTIAL_SD_JWT],
      grants: {
        [PRE_AUTH]: {
          'pre-authorized_code': code,
          tx_code: { input_mode: 'numeric', length: 6, description: 'Sent to your university e-mail address' },
        },
      },
    });
    expect(oidfViolations('credential_offer-1_0.json', offer)).toEqual([]);
    // Controls: the spec's own example passes, an offer with no configuration fails.
    expect(
      oidfViolations('credential_offer-1_0.json', readVectorJson('oid4vci-1.0', 'examples', 'credential_offer_pre-authz_code.json')),
    ).toEqual([]);
    expect(oidfViolations('credential_offer-1_0.json', { ...offer, credential_configuration_ids: [] })).not.toEqual([]);
  });

  it('renders the offer by value and by reference as openid-credential-offer links', async () => {
    const { offer, byValue, byReference } = await createPreAuthorizedOffer(protocol, {
      credentialConfigurationIds: [LEARNING_CREDENTIAL_SD_JWT],
      preAuthorizedCode: 'code-1',
      offerId: 'offer 42',
    });
    const value = new URL(byValue);
    expect(`${value.protocol}//`).toBe('openid-credential-offer://');
    expect([...value.searchParams.keys()]).toEqual(['credential_offer']);
    expect(JSON.parse(value.searchParams.get('credential_offer')!)).toEqual(offer);
    expect(offer.grants?.[PRE_AUTH]).not.toHaveProperty('tx_code');
    const reference = new URL(byReference!);
    expect([...reference.searchParams.entries()]).toEqual([
      ['credential_offer_uri', 'https://issuer.alliance.example/credential-offer/offer%2042'],
    ]);
  });

  it('refuses configuration ids the metadata does not list, and a tx_code description over 300 characters', async () => {
    await expect(createPreAuthorizedOffer(protocol, { credentialConfigurationIds: ['Unknown'], preAuthorizedCode: 'c' })).rejects.toThrow(
      /Unknown/,
    );
    await expect(
      createPreAuthorizedOffer(protocol, {
        credentialConfigurationIds: [OPEN_BADGE_LDP_VC],
        preAuthorizedCode: 'c',
        txCode: { length: 6, description: 'x'.repeat(301) },
      }),
    ).rejects.toThrow(/300/);
  });

  it('draws the link as an SVG QR code of the size the link needs', async () => {
    const link = (
      await createPreAuthorizedOffer(protocol, {
        credentialConfigurationIds: [OPEN_BADGE_LDP_VC],
        preAuthorizedCode: generatePreAuthorizedCode(),
      })
    ).byValue;
    const svg = await offerQrSvg(link);
    const modules = QRCode.create(link, { errorCorrectionLevel: 'M' }).modules.size;
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(`viewBox="0 0 ${modules + 4} ${modules + 4}"`);
  });

  it('draws the link as a PNG data URL', async () => {
    const png = Buffer.from(
      (await offerQrPngDataUrl('openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fi.example%2Fo%2F1')).replace(
        /^data:image\/png;base64,/,
        '',
      ),
      'base64',
    );
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  });
});

describe('pre-authorized and transaction codes', () => {
  it('makes 256-bit base64url pre-authorized codes, never the same twice', () => {
    const codes = Array.from({ length: 100 }, generatePreAuthorizedCode);
    for (const code of codes) expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(codes).size).toBe(100);
  });

  it('makes numeric transaction codes of the asked length, using every digit', () => {
    const codes = Array.from({ length: 200 }, () => generateTransactionCode(8));
    for (const code of codes) expect(code).toMatch(/^\d{8}$/);
    expect(new Set(codes.join('')).size).toBe(10);
    expect(() => generateTransactionCode(3)).toThrow();
  });

  it('stores SHA-256 of a code and matches it back', () => {
    expect(hashOfferCode('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(offerCodeMatchesHash('493536', hashOfferCode('493536'))).toBe(true);
    expect(offerCodeMatchesHash('493537', hashOfferCode('493536'))).toBe(false);
    expect(offerCodeMatchesHash('493536', 'abcd')).toBe(false);
  });
});
