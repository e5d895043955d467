import type { SdkProfile } from "./readSdkProfile.js";

/**
 * How the SDK's `fromIni` would get a profile's credentials before it ever looks at SSO
 * settings, in the order of its `resolveProfileData`: a role assumed through `source_profile`
 * or `credential_source`, static keys, a web identity token file, or `credential_process`.
 * Returns the keys that decide it (for messages), or `undefined` when none applies and the
 * SDK would take the profile's SSO settings (if it has any).
 *
 * @internal
 */
export function describeSdkCredentialSource(profile: SdkProfile | undefined): string | undefined {
  if (profile === undefined) return undefined;
  const has = (key: string) => typeof profile[key] === "string";

  if (has("role_arn") && has("source_profile") !== has("credential_source")) {
    return `role_arn with ${has("source_profile") ? "source_profile" : "credential_source"}`;
  }
  if (has("aws_access_key_id") && has("aws_secret_access_key")) {
    return "aws_access_key_id and aws_secret_access_key";
  }
  if (has("web_identity_token_file") && has("role_arn")) return "web_identity_token_file";
  if (has("credential_process")) return "credential_process";
  return undefined;
}
