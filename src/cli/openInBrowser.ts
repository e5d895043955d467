/**
 * Opens `url` in the default browser through the `open` package (on Linux its `xdg-open`,
 * which honours `BROWSER`), loaded only when a browser is wanted.
 *
 * @internal
 */
export async function openInBrowser(url: string): Promise<void> {
  const { default: open } = await import("open");
  const child = await open(url);
  // A launcher that cannot start (no xdg-open) reports through an error event.
  await new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    setImmediate(resolve);
  });
}
