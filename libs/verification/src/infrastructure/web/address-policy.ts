export { HostAllowList, hostOf, isIpLiteral, isPublicAddress } from '@alliance/credentials';
