import { it } from "vitest";

/**
 * The rule for tests that need a system tool (Debian's `chromium`, the AWS CLI, `chattr`...).
 * Returns the `it` to declare those tests with:
 *
 * - the tool is there: vitest's `it`, so the tests run;
 * - it is missing: `it.skip`, and the reason is printed, so `npm test` says what was skipped
 *   and why;
 * - it is missing and `SSO_TOKEN_PROVIDER_REQUIRE_ALL_TESTS=1` (set by `.ci/run`): an `it`
 *   whose tests fail with the reason, because in CI a skipped test is a hole.
 *
 * @example
 * ```ts
 * const itWithChromium = requireTool("chromium", existsSync("/usr/bin/chromium"),
 *   "the PKCE login test drives a headless browser; apt-get install chromium");
 * itWithChromium("signs in through the browser", async () => { ... });
 * ```
 * @param name the tool, as a person would install it.
 * @param available whether it was found.
 * @param why what the tests need it for (and how to install it).
 */
export function requireTool(name: string, available: boolean, why: string): typeof it {
  if (available) return it;

  const reason = `${name} is not available: ${why}`;
  if (process.env.SSO_TOKEN_PROVIDER_REQUIRE_ALL_TESTS === "1") {
    const failing = (title: string) =>
      it(title, () => {
        throw new Error(
          `${reason}. SSO_TOKEN_PROVIDER_REQUIRE_ALL_TESTS=1 makes this a failure instead of ` +
            `a skip: install ${name}, or unset the variable to skip these tests.`,
        );
      });
    return failing as unknown as typeof it;
  }

  process.stderr.write(`skipped: tests that need ${name}, because ${reason}\n`);
  return it.skip as unknown as typeof it;
}

/** Whether `SSO_TOKEN_PROVIDER_REQUIRE_ALL_TESTS=1` asks for every test to run. */
export function allTestsRequired(): boolean {
  return process.env.SSO_TOKEN_PROVIDER_REQUIRE_ALL_TESTS === "1";
}
