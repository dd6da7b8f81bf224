// The wallet side of a presentation: select disclosures and sign a key-binding JWT with the holder's key.
import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import type { Jwk } from '../jose-keys';
import { localSigner } from '../jws-signer';

export async function presentWithKeyBinding(
  credential: string,
  holderPrivateJwk: Jwk,
  disclose: Record<string, boolean>,
  kb: { nonce: string; aud: string; iat: number },
): Promise<string> {
  const signer = localSigner(holderPrivateJwk);
  const wallet = new SDJwtVcInstance({
    hasher: digest,
    saltGenerator: generateSalt,
    kbSigner: (data) => signer.sign(data),
    kbSignAlg: signer.alg,
  });
  return wallet.present(credential, disclose, { kb: { payload: kb } });
}
