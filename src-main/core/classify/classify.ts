/**
 * Maps a socket error (or a situation the probe noticed itself) to a classified Failure.
 * The raw code and errno are always kept, so nothing is hidden by the classification.
 */
import { CLASS_INFO, type FailureClass } from './failure-classes.ts';
import type { Failure, FailurePhase } from '../probe/types.ts';

/** Codes Synack raises itself, for situations that have no errno. */
export const SYNACK_CODES = {
  timeout: 'TIMEOUT',
  eof: 'EOF',
  mismatch: 'MISMATCH',
  halfOpen: 'HALF_OPEN',
  aborted: 'ABORTED',
} as const;

const DNS_CODES = new Set([
  'ENOTFOUND', 'EAI_NONAME', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA', 'ESERVFAIL',
  'ENONAME', 'EREFUSED', 'EFORMERR', 'EBADRESP', 'ECONNREFUSED', 'ETIMEOUT', 'EBADNAME',
  'ENOTIMP', 'EBADQUERY', 'EBADFAMILY', 'ECANCELLED', 'EDESTRUCTION', 'EOF',
]);

const CODE_TO_CLASS: Readonly<Record<string, FailureClass>> = {
  ECONNREFUSED: 'refused',
  // Linux turns an ICMP protocol-unreachable (e.g. iptables REJECT --reject-with icmp-proto-unreachable) into ENOPROTOOPT.
  ENOPROTOOPT: 'refused',
  ETIMEDOUT: 'timeout',
  TIMEOUT: 'timeout',
  EHOSTUNREACH: 'host-unreachable',
  EHOSTDOWN: 'host-unreachable',
  ENETUNREACH: 'net-unreachable',
  ENETDOWN: 'net-unreachable',
  ENONET: 'net-unreachable',
  // Linux answers EINVAL synchronously for a local `blackhole` route: a routing verdict, not a bad argument.
  EINVAL: 'net-unreachable',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  EADDRINUSE: 'local-address',
  EADDRNOTAVAIL: 'local-address',
  EAGAIN: 'local-address',
  ECONNRESET: 'reset',
  ECONNABORTED: 'reset',
  EPIPE: 'broken-pipe',
  EOF: 'peer-closed',
  HALF_OPEN: 'half-open',
  MISMATCH: 'protocol',
  EPROTO: 'protocol',
  EAFNOSUPPORT: 'invalid-target',
  ERR_INVALID_IP_ADDRESS: 'invalid-target',
  ERR_SOCKET_BAD_PORT: 'invalid-target',
  ERR_INVALID_ADDRESS_FAMILY: 'invalid-target',
  EDESTADDRREQ: 'invalid-target',
};

/** Sharper wording for codes whose class explanation is too general. */
const CODE_MESSAGES: Readonly<Record<string, string>> = {
  ENOTFOUND: 'The name does not exist (NXDOMAIN) or has no address of the requested family.',
  EAI_NONAME: 'The name does not exist (NXDOMAIN) or has no address of the requested family.',
  EAI_AGAIN: 'The resolver failed temporarily (SERVFAIL) or did not answer in time.',
  ESERVFAIL: 'The DNS server answered SERVFAIL: it could not resolve the name.',
  ETIMEOUT: 'The DNS server did not answer in time.',
  ENODATA: 'The name exists but has no address of the requested family.',
  EINVAL: 'The local routing table discards traffic to this address (a blackhole route; Linux returns EINVAL).',
  EAGAIN: 'No free local port was available for the connection.',
  EADDRINUSE: 'The requested local address and port are already in use.',
  EADDRNOTAVAIL: 'The requested local address is not configured on this machine, or no local port is free.',
  EPERM: 'The local firewall dropped the packet (EPERM from send).',
  EACCES: 'The connection was forbidden locally: a prohibit route or a firewall rule.',
  ECONNABORTED: 'The connection was aborted before it completed.',
  ENOPROTOOPT: 'The host or a firewall on the way answered ICMP protocol-unreachable: it does not accept this protocol.',
  EOF: 'The peer closed the connection (FIN) before replying.',
};

/** A UDP probe that hears nothing cannot tell a dropped datagram from a service that ignores it. */
const UDP_SILENCE_HINT =
  'For UDP, silence is ambiguous: the datagram or its reply may have been dropped, or the service ignores this payload; try a payload the service answers.';

export interface ClassifyContext {
  readonly phase: FailurePhase;
  /** The probe is UDP: silence is reported with its own hint. */
  readonly udp?: boolean;
  /** Overrides the explanation (e.g. to quote the reply that did not match). */
  readonly message?: string;
}

/** Classifies an error thrown by Node (an Error with `code`/`errno`) or one of SYNACK_CODES. */
export function classifyError(error: unknown, context: ClassifyContext): Failure {
  const { code, errno } = errorCode(error);
  return classifyCode(code, context, errno);
}

export function classifyCode(code: string, context: ClassifyContext, errno?: number): Failure {
  const cls = classOf(code, context.phase);
  const info = CLASS_INFO[cls];
  const hint = context.udp && cls === 'timeout' ? UDP_SILENCE_HINT : info.hint;
  // A DNS-phase EOF is c-ares' "truncated reply", not a peer FIN: keep the class wording there.
  const specific = context.phase === 'dns' && cls === 'dns' && code === 'EOF' ? undefined : CODE_MESSAGES[code];
  const message = context.message ?? specific ?? info.explanation;
  const failure: Failure = { class: cls, code, phase: context.phase, message, hint };
  return errno === undefined ? failure : { ...failure, errno };
}

function classOf(code: string, phase: FailurePhase): FailureClass {
  if (phase === 'dns') return DNS_CODES.has(code) || code.startsWith('EAI_') ? 'dns' : (CODE_TO_CLASS[code] ?? 'dns');
  return CODE_TO_CLASS[code] ?? 'other';
}

function errorCode(error: unknown): { code: string; errno?: number } {
  if (error !== null && typeof error === 'object') {
    const { code, errno } = error as { code?: unknown; errno?: unknown };
    const numeric = typeof errno === 'number' ? errno : undefined;
    if (typeof code === 'string') return numeric === undefined ? { code } : { code, errno: numeric };
    if (error instanceof AggregateError && error.errors.length > 0) return errorCode(error.errors[0]);
  }
  return { code: 'UNKNOWN' };
}
