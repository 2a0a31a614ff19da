/** `synack serve --help`. */
export const SERVE_USAGE = `Usage: synack serve [--db PATH] [--port N] [--metrics] [--renderer DIR]

Runs the monitor and serves its web UI on 127.0.0.1 only. Open the printed URL: its one-time
token signs the browser in (a session cookie) and is removed from the address bar.

Options:
      --db PATH        database file (default: $SYNACK_DB, else the OS data directory)
  -p, --port N         port on 127.0.0.1 (default: any free port, printed)
      --metrics        also serve Prometheus metrics at /metrics
                       (send "Authorization: Bearer TOKEN" with the printed token)
      --renderer DIR   built web UI to serve (default: out/renderer of this install)
  -h, --help           show this help

Ctrl-C (or SIGTERM) stops probing, closes the database and exits with 0.
Exit status: 0 stopped cleanly, 1 could not start, 2 usage error.
`;
