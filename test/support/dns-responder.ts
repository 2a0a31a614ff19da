/**
 * A tiny real DNS server on node:dgram for tests: it parses the question and answers from a
 * fixed zone, so a resolver sees genuine NXDOMAIN, SERVFAIL, NODATA or silence on the wire.
 */
import { createSocket, type Socket } from 'node:dgram';
import { isIPv4 } from 'node:net';

/** What the responder does for a name. */
export type DnsBehaviour =
  | { readonly kind: 'a'; readonly addresses: readonly string[] }
  | { readonly kind: 'nxdomain' }
  | { readonly kind: 'servfail' }
  | { readonly kind: 'silent' };

/** Names (lowercase, no trailing dot) to behaviours; any other name is NXDOMAIN. */
export type DnsZone = Readonly<Record<string, DnsBehaviour>>;

const TYPE_A = 1;
const CLASS_IN = 1;
const RCODE = { noError: 0, servFail: 2, nxDomain: 3 } as const;
const HEADER_BYTES = 12;
const TTL_SECONDS = 60;

interface Question {
  readonly id: number;
  readonly flags: number;
  readonly name: string;
  readonly type: number;
  readonly qclass: number;
  /** The question section's bytes, echoed verbatim in the reply. */
  readonly raw: Buffer;
}

/** Parses a single-question query; undefined for anything else (malformed, a response, compressed names). */
export function parseQuery(message: Buffer): Question | undefined {
  if (message.length < HEADER_BYTES) return undefined;
  const flags = message.readUInt16BE(2);
  if (flags & 0x8000 || message.readUInt16BE(4) !== 1) return undefined;
  const labels: string[] = [];
  let offset = HEADER_BYTES;
  for (;;) {
    const length = message[offset];
    if (length === undefined || length > 63) return undefined;
    offset += 1;
    if (length === 0) break;
    if (offset + length > message.length) return undefined;
    labels.push(message.toString('latin1', offset, offset + length));
    offset += length;
  }
  if (offset + 4 > message.length) return undefined;
  return {
    id: message.readUInt16BE(0),
    flags,
    name: labels.join('.').toLowerCase(),
    type: message.readUInt16BE(offset),
    qclass: message.readUInt16BE(offset + 2),
    raw: message.subarray(HEADER_BYTES, offset + 4),
  };
}

/** The reply to a query under `zone`, or undefined to stay silent. */
export function answerQuery(message: Buffer, zone: DnsZone): Buffer | undefined {
  const question = parseQuery(message);
  if (!question) return undefined;
  const behaviour: DnsBehaviour = Object.hasOwn(zone, question.name) ? zone[question.name]! : { kind: 'nxdomain' };
  switch (behaviour.kind) {
    case 'silent':
      return undefined;
    case 'nxdomain':
      return reply(question, RCODE.nxDomain, []);
    case 'servfail':
      return reply(question, RCODE.servFail, []);
    case 'a': {
      // Other types (AAAA) for a name that exists: NOERROR with no answer (NODATA).
      const wanted = question.type === TYPE_A && question.qclass === CLASS_IN;
      return reply(question, RCODE.noError, wanted ? behaviour.addresses : []);
    }
  }
}

function reply(question: Question, rcode: number, addresses: readonly string[]): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt16BE(question.id, 0);
  const opcode = question.flags & 0x7800;
  const recursionDesired = question.flags & 0x0100;
  // QR (response) | opcode | RD as asked | RA | rcode
  header.writeUInt16BE(0x8000 | opcode | recursionDesired | 0x0080 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(addresses.length, 6);
  const answers = addresses.map((address) => {
    if (!isIPv4(address)) throw new Error(`Not an IPv4 address: ${address}`);
    const record = Buffer.alloc(16);
    record.writeUInt16BE(0xc00c, 0); // pointer to the question's name
    record.writeUInt16BE(TYPE_A, 2);
    record.writeUInt16BE(CLASS_IN, 4);
    record.writeUInt32BE(TTL_SECONDS, 6);
    record.writeUInt16BE(4, 10);
    address.split('.').forEach((octet, i) => record.writeUInt8(Number(octet), 12 + i));
    return record;
  });
  return Buffer.concat([header, question.raw, ...answers]);
}

export interface DnsResponder {
  readonly port: number;
  close(): Promise<void>;
}

/** Serves `zone` over UDP on `address:port` (port 0 picks a free one). */
export function startDnsResponder(zone: DnsZone, address: string, port = 0): Promise<DnsResponder> {
  const socket: Socket = createSocket('udp4');
  socket.on('message', (message, remote) => {
    const answer = answerQuery(message, zone);
    if (answer) socket.send(answer, remote.port, remote.address);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, address, () => {
      socket.off('error', reject);
      // A failed send must not crash the test process; the resolver then just sees silence.
      socket.on('error', (error) => console.error(`dns responder: ${error.message}`));
      resolve({
        port: socket.address().port,
        close: () => new Promise<void>((done) => socket.close(() => done())),
      });
    });
  });
}
