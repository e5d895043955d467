import { OidcFailure } from "./OidcFailure.js";
import { jsonObjectBody, type ParsedRequest } from "./ParsedRequest.js";

/** The JSON body of an SSO OIDC request, or `invalid_request`. @internal */
export function oidcBody(request: ParsedRequest): Record<string, unknown> {
  const body = jsonObjectBody(request);
  if (body === undefined) {
    throw new OidcFailure("InvalidRequestException", "The request body is not a JSON object");
  }
  return body;
}

/** A string member that must be present and non-empty, or `invalid_request`. @internal */
export function requiredString(body: Record<string, unknown>, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined || value === "") {
    throw new OidcFailure("InvalidRequestException", `Missing required parameter: ${name}`);
  }
  return value;
}

/** A string member, or undefined when absent; another type is `invalid_request`. @internal */
export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw new OidcFailure("InvalidRequestException", `Parameter ${name} must be a string`);
  }
  return value;
}

/** A list-of-strings member (empty when absent); another type is `invalid_request`. @internal */
export function stringList(body: Record<string, unknown>, name: string): string[] {
  const value = body[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new OidcFailure("InvalidRequestException", `Parameter ${name} must be a list of strings`);
  }
  return value as string[];
}
