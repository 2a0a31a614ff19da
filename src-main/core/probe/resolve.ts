/**
 * Name resolution as its own timed phase. The probe then dials the resolved address itself,
 * so the connect phase never hides a lookup.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { FamilyPreference, LookupFn, ResolvedAddress } from './types.ts';

/** The system resolver (getaddrinfo): honours /etc/hosts and nsswitch like every other program. */
export const systemLookup: LookupFn = async (host, family) => {
  const found = await dnsLookup(host, { all: true, family: family === 'auto' ? 0 : family, order: 'verbatim' });
  return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
};

/** Builds a LookupFn on a `dns.promises.Resolver` (c-ares), e.g. pointed at a specific DNS server. */
export function resolverLookup(resolver: {
  resolve4(host: string): Promise<string[]>;
  resolve6(host: string): Promise<string[]>;
}): LookupFn {
  return async (host, family) => {
    if (family === 4) return (await resolver.resolve4(host)).map((address) => ({ address, family: 4 }));
    if (family === 6) return (await resolver.resolve6(host)).map((address) => ({ address, family: 6 }));
    try {
      return (await resolver.resolve4(host)).map((address) => ({ address, family: 4 }));
    } catch (error) {
      // Only an empty A answer falls back to AAAA; NXDOMAIN and SERVFAIL are final.
      if ((error as { code?: string }).code !== 'ENODATA') throw error;
      return (await resolver.resolve6(host)).map((address) => ({ address, family: 6 }));
    }
  };
}

/** An IP literal resolves to itself with no lookup; returns undefined for names. */
export function literalAddress(host: string, family: FamilyPreference): ResolvedAddress | undefined {
  const version = isIP(host);
  if (version === 0) return undefined;
  const literalFamily = version === 6 ? 6 : 4;
  if (family !== 'auto' && family !== literalFamily) return undefined;
  return { address: host, family: literalFamily };
}
