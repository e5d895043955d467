/**
 * Opens `url` in the default browser through the `open` package (on Linux its `xdg-open`,
 * which honours `BROWSER`), loaded only when a browser is wanted.
 *
 * A launcher that cannot start rejects. One that starts and then fails (xdg-open finding no
 * browser on a headless machine exits 3) is only known later, so it is reported through
 * `onLaunchFailed`, while the login goes on waiting for the address to be opened by hand.
 *
 * @internal
 */
export async function openInBrowser(
  url: string,
  onLaunchFailed?: (reason: string) => void,
): Promise<void> {
  const { default: open } = await import("open");
  const child = await open(url);
  child.once("exit", (code, signal) => {
    if (code !== 0) onLaunchFailed?.(`the launcher exited with ${code ?? signal}`);
  });
  // A launcher that cannot start (no xdg-open) reports through an error event.
  await new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    setImmediate(resolve);
  });
}
