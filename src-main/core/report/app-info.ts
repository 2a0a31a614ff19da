/** Who made a report: Synack's version (package.json) and the machine's name. */
import { hostname } from 'node:os';
import pkg from '../../../package.json' with { type: 'json' };

export const SYNACK_VERSION: string = pkg.version;

/** The vantage point's default name: the host name, which a user may override. */
export function machineName(): string {
  return hostname();
}

/** The zone this machine shows local times in. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** True when `zone` is an IANA zone (or an offset) Intl knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
