/**
 * Synack's failure taxonomy (see ../shared/seed-connect.md): every failed attempt lands in
 * exactly one class, with a plain-language explanation and a hint.
 */
export const FAILURE_CLASSES = [
  'refused',
  'timeout',
  'host-unreachable',
  'net-unreachable',
  'permission-denied',
  'local-address',
  'reset',
  'broken-pipe',
  'peer-closed',
  'half-open',
  'dns',
  'protocol',
  'invalid-target',
  'other',
] as const;

export type FailureClass = (typeof FAILURE_CLASSES)[number];

export interface ClassInfo {
  /** Short human title for tables and legends. */
  readonly title: string;
  /** What the class means, in plain words. */
  readonly explanation: string;
  /** What to check first. */
  readonly hint: string;
}

export const CLASS_INFO: Readonly<Record<FailureClass, ClassInfo>> = {
  refused: {
    title: 'Refused',
    explanation: 'The host answered, but nothing is listening on that port (it sent a TCP RST, or ICMP port-unreachable for UDP).',
    hint: 'The machine is up: check that the service is running and bound to this address and port.',
  },
  timeout: {
    title: 'Timed out',
    explanation: 'Nothing answered before the deadline: packets were silently dropped, or the host is down.',
    hint: 'Look for a firewall that drops (not rejects) traffic, a host that is off, or a deadline shorter than the path needs.',
  },
  'host-unreachable': {
    title: 'Host unreachable',
    explanation: 'A router or the local stack reported the host unreachable (ICMP), or a firewall rejected the connection.',
    hint: 'Check that the host is on and on the expected network; on Linux a remote firewall REJECT also shows up as this.',
  },
  'net-unreachable': {
    title: 'Network unreachable',
    explanation: 'There is no route to the target network.',
    hint: 'Check the local routing table, VPN and default gateway, and that the network interface is up.',
  },
  'permission-denied': {
    title: 'Permission denied',
    explanation: 'The local system forbade the connection: a firewall rule, a prohibit route, or a broadcast address.',
    hint: 'Check the local firewall (iptables/nftables OUTPUT rules) and policy routes on this machine.',
  },
  'local-address': {
    title: 'Local address problem',
    explanation: 'The local address or port could not be used: already in use, not on this machine, or no free ephemeral port.',
    hint: 'Check the source address/port options and the ephemeral port range (ip_local_port_range); too many sockets in TIME_WAIT?',
  },
  reset: {
    title: 'Connection reset',
    explanation: 'The peer reset the connection (RST): the service crashed or restarted, or a middlebox killed the flow.',
    hint: 'Look at the service\'s logs around this time; a restart or a load balancer idle timeout is the usual cause.',
  },
  'broken-pipe': {
    title: 'Broken pipe',
    explanation: 'Writing failed because the peer had already gone (EPIPE after a reset or close).',
    hint: 'The peer closed or reset the connection first; see the reset or peer-closed events just before.',
  },
  'peer-closed': {
    title: 'Closed by peer',
    explanation: 'The peer closed the connection normally (FIN, end of file) before the exchange finished.',
    hint: 'The service shut down or closed idle connections; check its idle timeout and whether it expects a different request.',
  },
  'half-open': {
    title: 'Half-open',
    explanation: 'The connection looked open but no reply came to a heartbeat: the path or the peer died without a FIN or RST.',
    hint: 'A NAT/firewall may have dropped the connection state, or a link or host went down; check the path and idle timeouts.',
  },
  dns: {
    title: 'DNS failure',
    explanation: 'The name could not be resolved: it does not exist, or the resolver failed or did not answer.',
    hint: 'Check the spelling, the DNS server (resolv.conf) and whether the resolver is reachable.',
  },
  protocol: {
    title: 'Protocol mismatch',
    explanation: 'The connection worked but the reply was not what was expected.',
    hint: 'Check the send/expect settings and that the right service answers on this port.',
  },
  'invalid-target': {
    title: 'Invalid target',
    explanation: 'The address or port cannot be used (wrong family, malformed, or out of range).',
    hint: 'Check the host and port; IPv6 literals go in brackets as [::1]:443.',
  },
  other: {
    title: 'Other error',
    explanation: 'An error Synack does not classify; the raw code is kept.',
    hint: 'Search for the raw error code; report it so it can be classified.',
  },
};
