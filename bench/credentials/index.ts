// Credential signing and verification: three-proof rounds per cryptosuite (eddsa-jcs-2022 vs eddsa-rdfc-2022).
export { run } from '../../libs/credentials/bench/credentials.bench';
