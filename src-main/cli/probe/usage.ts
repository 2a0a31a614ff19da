/** `synack probe --help`. */
export const PROBE_USAGE = `Usage: synack probe HOST:PORT [HOST:PORT…] [options]

Connects to each target like tcping, times every phase, and says why an attempt failed.
Targets: example.com:443, 192.0.2.1:80, [2001:db8::1]:443. Several targets are probed in turn
each round.

Options:
  -c, --count N         attempts per target (default 4)
  -t, --forever         probe until Ctrl-C (cannot be combined with --count)
  -i, --interval DUR    time from the start of one round to the next, e.g. 500ms, 1s, 2m;
                        0 probes back to back (default 1s)
  -w, --timeout DUR     deadline of each attempt, DNS included (default 2s)
  -u, --udp             UDP: send one datagram, wait for a reply (default TCP connect)
      --send STR        bytes to send once connected; escapes \\r \\n \\t \\0 \\\\ \\xHH,
                        or raw bytes as hex:0d0a
      --expect STR      the reply must contain STR, or match /regex/flags
  -4, -6                IPv4 only, IPv6 only
      --all-addresses   probe every resolved address, one line each
      --json            JSON Lines: one object per attempt, then one summary per target
  -q, --quiet           print only the summary
  -h, --help            show this help

Ctrl-C stops at once and prints the summary.
Exit status: 0 every target answered at least once, 1 some target never did, 2 usage error.
`;
