/** A stream the command line writes to. @internal */
export interface OutputStream {
  write(text: string): unknown;
  /** True on a terminal: colours, a live countdown. */
  isTTY?: boolean;
}

/**
 * What a command may touch of the outside world, so the whole command line can run in a
 * test process as well as in its own. Secrets go to `stdout` (of `token`) only; everything a
 * person reads goes to `stderr`.
 *
 * @internal
 */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  /** Aborts on Ctrl-C (SIGINT) or SIGTERM; long commands stop and clean up. */
  signal?: AbortSignal;
}
