import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './address-policy';
import { FetchFailure } from './fetch-failure';

/**
 * Resolves every address of a name and refuses the connection when any is not public; otherwise hands the
 * checked addresses to the socket, which connects to one of them and to nothing else.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { family: options.family, hints: options.hints, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const blocked = addresses.find((a) => !isPublicAddress(a.address));
    if (blocked || addresses.length === 0) {
      const failure = new FetchFailure(
        'FETCH_BLOCKED_ADDRESS',
        `${hostname} resolves to the non-public address ${blocked?.address ?? '(none)'}`,
      );
      return callback(failure as unknown as NodeJS.ErrnoException, '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};
