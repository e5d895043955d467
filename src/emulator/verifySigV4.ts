import { timingSafeEqual } from "node:crypto";

import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";

import type { EmulatorStore, RoleCredentialsRecord } from "./EmulatorStore.js";
import { headerValue, type ParsedRequest } from "./ParsedRequest.js";

// The request shape the signer takes (its last `sign` overload), without naming its package.
type RequestToSign = Parameters<SignatureV4["sign"]>[0];

/** Why a SigV4 check failed, as an AWS error code, status and message. @internal */
export interface SigV4Failure {
  status: number;
  code: string;
  message: string;
}

// AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, SignedHeaders=.., Signature=..
const AUTHORIZATION_PATTERN = new RegExp(
  [
    "^AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request,",
    "\\s*SignedHeaders=([a-z0-9;_.-]+),\\s*Signature=([0-9a-f]{64})$",
  ].join(""),
);

function failure(status: number, code: string, message: string): SigV4Failure {
  return { status, code, message };
}

/**
 * Checks the SigV4 `Authorization` header of a request signed with role credentials the
 * portal issued: the key id must be known, the session token the issued one, the
 * credentials unexpired (per the injected clock), the scope for `service`, and the
 * signature equal to the one recomputed with the issued secret by `@smithy/signature-v4`.
 * The request time is not compared with the clock (real AWS allows 15 minutes of skew),
 * so tests may move the clock freely.
 *
 * @internal
 */
export async function verifySigV4(
  store: EmulatorStore,
  request: ParsedRequest,
  service: string,
): Promise<RoleCredentialsRecord | SigV4Failure> {
  const authorization = headerValue(request, "authorization");
  if (authorization === undefined) {
    return failure(403, "MissingAuthenticationToken", "Request is missing an Authentication Token");
  }
  const match = AUTHORIZATION_PATTERN.exec(authorization.trim());
  const amzDate = headerValue(request, "x-amz-date") ?? "";
  const signingDate = parseAmzDate(amzDate);
  if (match === null || signingDate === undefined) {
    return failure(400, "IncompleteSignature", "The request signature is malformed");
  }
  const [, accessKeyId, , region, scopeService, signedHeaderList, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];

  const credentials = store.findRoleCredentials(accessKeyId);
  const sessionToken = headerValue(request, "x-amz-security-token");
  if (credentials === undefined || sessionToken !== credentials.sessionToken) {
    return failure(403, "InvalidClientTokenId", "The security token in the request is invalid");
  }
  if (credentials.expiration <= store.now()) {
    return failure(403, "ExpiredToken", "The security token in the request has expired");
  }
  if (scopeService !== service) {
    const message = `Credential should be scoped to service '${service}'`;
    return failure(403, "SignatureDoesNotMatch", message);
  }

  const signedHeaders = new Set(signedHeaderList.split(";"));
  const expected = await recomputeSignature(request, credentials, {
    region,
    service,
    signingDate,
    signedHeaders,
  });
  if (!sameHex(expected, signature)) {
    const message = "The request signature does not match the one computed from the secret key";
    return failure(403, "SignatureDoesNotMatch", message);
  }
  return credentials;
}

async function recomputeSignature(
  request: ParsedRequest,
  credentials: RoleCredentialsRecord,
  scope: { region: string; service: string; signingDate: Date; signedHeaders: Set<string> },
): Promise<string> {
  const headers: Record<string, string> = {};
  for (const name of scope.signedHeaders) {
    const value = headerValue(request, name);
    if (value !== undefined) headers[name] = value;
  }

  const query: Record<string, string | string[]> = {};
  for (const key of new Set(request.query.keys())) {
    const values = request.query.getAll(key);
    query[key] = values.length === 1 ? (values[0] as string) : values;
  }

  const host = headerValue(request, "host") ?? "127.0.0.1";
  const toSign = {
    method: request.method,
    protocol: "http:",
    hostname: host.replace(/:\d+$/, ""),
    path: request.path,
    query,
    headers,
    body: request.body,
  } as unknown as RequestToSign;

  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    },
    region: scope.region,
    service: scope.service,
    sha256: Sha256,
    // Add x-amz-content-sha256 only if the client signed it (then it is already in headers).
    applyChecksum: false,
  });
  const signed = await signer.sign(toSign, {
    signingDate: scope.signingDate,
    signableHeaders: scope.signedHeaders,
  });

  const authorization = String(signed.headers["authorization"] ?? "");
  return /Signature=([0-9a-f]{64})/.exec(authorization)?.[1] ?? "";
}

function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
