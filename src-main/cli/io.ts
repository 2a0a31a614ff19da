/** Where a command writes and how it learns that the user wants it to stop; injectable for tests. */

/** Writes text as is (callers add the newlines). */
export type Writer = (text: string) => void;

export interface CliIo {
  readonly out: Writer;
  readonly err: Writer;
  /** stderr is a terminal: progress indicators may redraw a line. @default false */
  readonly errIsTty?: boolean;
  /** Resolves once everything written with `out` has left the process (or stdout failed). */
  readonly drainOut?: () => Promise<void>;
  /**
   * Calls `onInterrupt` when the user asks to stop (Ctrl-C, SIGTERM, or stdout closed by a
   * pager such as `head`); returns a function that removes every listener it added.
   */
  listenForInterrupt(onInterrupt: () => void): () => void;
}

/** The real process: stdout/stderr, SIGINT and SIGTERM. */
export function processIo(): CliIo {
  let stdoutClosed = false;
  return {
    out: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    err: (text) => {
      process.stderr.write(text);
    },
    errIsTty: process.stderr.isTTY === true,
    drainOut: () => new Promise((resolve) => {
      if (stdoutClosed) resolve();
      // An empty write's callback runs after every earlier write, with or without an error.
      else process.stdout.write('', () => resolve());
    }),
    listenForInterrupt(onInterrupt) {
      const onSignal = (): void => onInterrupt();
      const onStdoutError = (error: NodeJS.ErrnoException): void => {
        // EPIPE: the reader went away (`synack probe … | head`); stop quietly instead of crashing.
        stdoutClosed = true;
        if (error.code !== 'EPIPE') process.stderr.write(`synack: cannot write output: ${error.message}\n`);
        onInterrupt();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      process.stdout.on('error', onStdoutError);
      return () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        process.stdout.off('error', onStdoutError);
      };
    },
  };
}
