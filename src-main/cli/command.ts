/** A CLI command: parses its own arguments and resolves to an exit code. */
export interface Command {
  readonly summary: string;
  run(argv: readonly string[]): Promise<number>;
}
