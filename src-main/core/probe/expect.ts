/** Reply matching for send/expect checks. */
import type { Expectation } from './types.ts';

/** Replies are matched on at most this many bytes; more is never buffered. */
export const MAX_REPLY_BYTES = 64 * 1024;

export type ReplyMatcher = (reply: Buffer) => boolean;

export function compileExpectation(expectation: Expectation): ReplyMatcher {
  switch (expectation.kind) {
    case 'any':
      return (reply) => reply.length > 0;
    case 'string': {
      const needle = Buffer.from(expectation.value, 'utf8');
      return (reply) => reply.includes(needle);
    }
    case 'regex': {
      const pattern = new RegExp(expectation.source, expectation.flags);
      // latin1 maps every byte to one char, so binary replies never throw and offsets stay byte offsets.
      return (reply) => pattern.test(reply.toString('latin1'));
    }
  }
}

/** The start of a reply, printable, for "got X instead" messages. */
export function previewReply(reply: Buffer, max = 60): string {
  const text = reply.subarray(0, max).toString('latin1').replace(/[^\x20-\x7e]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 10) return '\\n';
    if (code === 13) return '\\r';
    return `\\x${code.toString(16).padStart(2, '0')}`;
  });
  return reply.length > max ? `${text}…` : text;
}

/**
 * Parses the CLI/config form: `/re/flags` is a regex, anything else a literal string.
 * Throws for an invalid regex (a configuration error).
 */
export function parseExpectation(text: string): Expectation {
  const regex = /^\/(.*)\/([dgimsuvy]*)$/s.exec(text);
  if (regex) {
    const source = regex[1] ?? '';
    const flags = (regex[2] ?? '').replace(/[gy]/g, '');
    new RegExp(source, flags); // validate now, not on the first reply
    return { kind: 'regex', source, flags };
  }
  return { kind: 'string', value: text };
}
