import { rm } from "node:fs/promises";
import { join } from "node:path";

import type { SSOOIDCClient } from "@aws-sdk/client-sso-oidc";

import type { ClientRegistration, LoginFlow } from "./ClientRegistration.js";
import { REGISTRATION_MIN_REMAINING_MS } from "./constants.js";
import type { LoginContext } from "./LoginContext.js";
import { readRegistration } from "./readRegistration.js";
import { registerClient } from "./registerClient.js";
import { registrationCacheKey } from "./registrationCacheKey.js";
import { writeRegistration } from "./writeRegistration.js";

/**
 * The file in `~/.aws/sso/cache` where this session's registration is cached, named as the
 * AWS CLI names it (see {@link registrationCacheKey}).
 *
 * @internal
 */
export function registrationFilepath(context: Pick<LoginContext, "config" | "cacheDir">): string {
  const { config } = context;
  const key = registrationCacheKey({
    startUrl: config.startUrl,
    region: config.region,
    scopes: config.registrationScopes,
    sessionName: config.kind === "session" ? config.sessionName : undefined,
  });
  return join(context.cacheDir, `${key}.json`);
}

/**
 * A client registration for `flow`: the cached one while it lasts more than 15 minutes and
 * was made for the same flow, else a new one, which is then cached (atomically, 0600). With
 * `fresh`, the cache is not consulted (the service rejected the cached one).
 *
 * Both flows share one cache file, as in the AWS CLI, so switching flows registers anew and
 * replaces the file. A registration that cannot be cached is still used, with a warning.
 *
 * @internal
 */
export async function obtainRegistration(
  context: LoginContext,
  client: SSOOIDCClient,
  flow: LoginFlow,
  options: { fresh?: boolean } = {},
): Promise<{ registration: ClientRegistration; reused: boolean; filepath: string }> {
  const filepath = registrationFilepath(context);

  if (!options.fresh) {
    const cached = await readRegistration(filepath);
    if (cached.kind === "found") {
      const { registration } = cached;
      const lastsLongEnough =
        registration.expiresAt.getTime() - context.now() > REGISTRATION_MIN_REMAINING_MS;
      if (lastsLongEnough && registration.flow === flow) {
        const expiresAt = registration.expiresAt;
        context.emit({ type: "registration", flow, reused: true, expiresAt });
        return { registration, reused: true, filepath };
      }
    } else if (cached.kind === "invalid") {
      context.emit({
        type: "warning",
        message:
          `The cached client registration ${filepath} is unusable (${cached.problem}); ` +
          "registering a new client, which replaces it.",
      });
    }
  }

  const registration = await registerClient(context, client, flow);
  context.emit({ type: "registration", flow, reused: false, expiresAt: registration.expiresAt });

  try {
    await writeRegistration(filepath, registration);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.emit({
      type: "warning",
      message:
        `Could not cache the client registration in ${filepath} (${reason}); the next ` +
        "login will register again. Check that folder's owner and permissions.",
    });
  }
  return { registration, reused: false, filepath };
}

/**
 * Drops a cached registration the service rejected, so the next login registers anew.
 *
 * @internal
 */
export async function forgetRegistration(filepath: string): Promise<void> {
  await rm(filepath, { force: true }).catch(() => undefined);
}
