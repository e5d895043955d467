// fast-check generators for token cache records and shared config files, shaped like what
// people and tools really write, with the odd and broken variants mixed in.
import fc from "fast-check";

/** Secret values planted in generated records; no output of ours may contain them. */
export const SECRET_MARK = "s3cr3t-";

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** An instant between 1970 and 2200, whole milliseconds. */
export const instant = fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) }).map((ms) => new Date(ms));

/**
 * A timestamp in one of the forms real tools wrote, and the instant it means (to the
 * millisecond, as our reader keeps it).
 */
export const timestampText: fc.Arbitrary<{ text: string; meansMs: number }> = fc
  .record({
    date: instant,
    separator: fc.constantFrom("T", "t", " "),
    fractionDigits: fc.integer({ min: 0, max: 9 }),
    offsetMinutes: fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
    zone: fc.constantFrom("Z", "z", "UTC", "+HH:MM", "+HHMM", ""),
    space: fc.constantFrom("", " ", "\t"),
  })
  .map(({ date, separator, fractionDigits, offsetMinutes, zone, space }) => {
    const offset = zone.startsWith("+") ? offsetMinutes : 0;
    const local = new Date(date.getTime() + offset * 60_000);
    const year = pad(local.getUTCFullYear(), 4);
    const day = `${year}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
    const hours = pad(local.getUTCHours());
    const clock = `${hours}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
    const millis = pad(local.getUTCMilliseconds(), 3);
    const fraction = fractionDigits === 0 ? "" : `.${(millis + "987654").slice(0, fractionDigits)}`;
    const kept = millis.slice(0, fractionDigits).padEnd(3, "0");
    const keptMillis = fractionDigits === 0 ? 0 : Number(kept);

    let zoneText: string = zone;
    if (zone.startsWith("+")) {
      const sign = offset < 0 ? "-" : "+";
      const hours = pad(Math.floor(Math.abs(offset) / 60));
      const minutes = pad(Math.abs(offset) % 60);
      zoneText = zone === "+HH:MM" ? `${sign}${hours}:${minutes}` : `${sign}${hours}${minutes}`;
    }
    const meansMs = date.getTime() - local.getUTCMilliseconds() + keptMillis;
    return { text: `${space}${day}${separator}${clock}${fraction}${zoneText}${space}`, meansMs };
  });

/** A secret-looking string that carries {@link SECRET_MARK}. */
export const secret = fc
  .string({ minLength: 4, maxLength: 40, unit: "grapheme-ascii" })
  .map((tail) => `${SECRET_MARK}${tail.replace(/[\\"]/g, "x")}`);

/** Any JSON value, small. */
const json = fc.jsonValue({ maxDepth: 2 });

/** A value of any kind for a field: the right kind often, a wrong one sometimes. */
const fieldValue = <T>(right: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 12, arbitrary: right as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant("") },
    { weight: 2, arbitrary: json },
  );

const KNOWN_KEYS = new Set([
  "startUrl",
  "region",
  "accessToken",
  "expiresAt",
  "clientId",
  "clientSecret",
  "registrationExpiresAt",
  "refreshToken",
]);

/** Keys that are not ours, some of them awkward for JavaScript objects. */
const unknownKey = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.constantFrom("__proto__", "constructor", "toString", "0", "17", "idToken", "tokenType"),
  )
  .filter((key) => !KNOWN_KEYS.has(key));

/**
 * A parsed cache file: the known keys with right or wrong values, or missing, and unknown
 * keys with any JSON. Secret fields, when strings, carry {@link SECRET_MARK}.
 */
const knownFields = {
  startUrl: fieldValue(fc.webUrl()),
  region: fieldValue(fc.constantFrom("us-east-1", "eu-west-1")),
  accessToken: fieldValue(secret),
  expiresAt: fieldValue(timestampText.map((stamp) => stamp.text)),
  clientId: fieldValue(fc.string({ maxLength: 20 })),
  clientSecret: fieldValue(secret),
  registrationExpiresAt: fieldValue(timestampText.map((stamp) => stamp.text)),
  refreshToken: fieldValue(secret),
};

export const anyRecord: fc.Arbitrary<Record<string, unknown>> = fc
  .oneof(
    fc.record(knownFields, { requiredKeys: ["accessToken", "expiresAt"] }),
    fc.record(knownFields, { requiredKeys: [] }),
  )
  .chain((known) =>
    fc
      .dictionary(unknownKey, json, { maxKeys: 3 })
      .map((extra) => objectWithOwnKeys([...Object.entries(known), ...Object.entries(extra)])),
  );

/**
 * The bytes of a cache file: a record written compactly or pretty, whole or cut off, with or
 * without a byte order mark; or not JSON at all.
 */
export const cacheFileBytes: fc.Arbitrary<{ bytes: Buffer; record?: Record<string, unknown> }> =
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .record({
          record: anyRecord,
          pretty: fc.boolean(),
          bom: fc.boolean(),
          cutAt: fc.option(fc.nat(), { freq: 3 }),
        })
        .map(({ record, pretty, bom, cutAt }) => {
          let text = JSON.stringify(record, null, pretty ? 2 : undefined);
          if (cutAt !== null) text = text.slice(0, cutAt % (text.length + 1));
          const bytes = Buffer.from(`${bom ? "\uFEFF" : ""}${text}`, "utf8");
          return { bytes, record };
        }),
    },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.uint8Array({ maxLength: 200 }).map((array) => ({ bytes: Buffer.from(array) })),
        json.map((value) => ({ bytes: Buffer.from(JSON.stringify(value) ?? "", "utf8") })),
      ),
    },
  );

/**
 * A record our reader accepts, with `expiresAt` given either as a Date (written in the CLI's
 * form) or as any accepted timestamp text (written as it is).
 */
export const validRecord: fc.Arbitrary<{
  record: Record<string, unknown>;
  expiresAtMs: number;
}> = fc
  .record({
    accessToken: secret,
    expiresAt: fc.oneof(
      instant.map((date) => ({
        value: date as unknown,
        meansMs: Math.floor(date.getTime() / 1000) * 1000,
      })),
      timestampText.map((stamp) => ({ value: stamp.text as unknown, meansMs: stamp.meansMs })),
    ),
    optional: fc.record(
      {
        startUrl: fc.oneof(fc.webUrl(), fc.constant(null)),
        region: fc.constantFrom("us-east-1", "eu-west-1", null, ""),
        clientId: fc.string({ maxLength: 20 }),
        clientSecret: secret,
        registrationExpiresAt: timestampText.map((stamp) => stamp.text),
        refreshToken: secret,
      },
      { requiredKeys: [] },
    ),
    extra: fc.dictionary(unknownKey, json, { maxKeys: 3 }),
    accessTokenFirst: fc.boolean(),
  })
  .map(({ accessToken, expiresAt, optional, extra, accessTokenFirst }) => {
    const required: [string, unknown][] = [
      ["accessToken", accessToken],
      ["expiresAt", expiresAt.value],
    ];
    const entries = [...Object.entries(optional), ...Object.entries(extra)].filter(
      ([key]) => key !== "accessToken" && key !== "expiresAt",
    );
    const ordered = accessTokenFirst ? [...required, ...entries] : [...entries, ...required];
    return { record: objectWithOwnKeys(ordered), expiresAtMs: expiresAt.meansMs };
  });

/**
 * A plain object with these own keys in this order (a later duplicate wins), `__proto__`
 * included as an ordinary key, as `JSON.parse` makes it.
 */
function objectWithOwnKeys(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const property = { value, enumerable: true, writable: true, configurable: true };
    Object.defineProperty(object, key, property);
  }
  return object;
}

// --- shared config files -------------------------------------------------------------------

const names = fc.constantFrom("dev", "default", "my-sso", "prod", "a b", "dev ", "x#y", "ünï");
const ssoKeys = fc.constantFrom(
  "sso_session",
  "sso_start_url",
  "sso_region",
  "sso_registration_scopes",
  "sso_account_id",
  "sso_role_name",
  "region",
  "output",
  "SSO_Region",
  "credential_process",
);
const values = fc.oneof(
  names,
  fc.constantFrom(
    "https://d-1234567890.awsapps.com/start",
    "https://x.awsapps.com/start#/",
    "us-east-1",
    "eu-west-1 # comment",
    "\"us-east-1\"",
    "sso:account:access, ,x",
    "",
  ),
  fc.string({ maxLength: 20 }),
);
const ws = fc.constantFrom("", " ", "\t", "  ");

const header = fc.oneof(
  names.map((name) => `[profile ${name}]`),
  names.map((name) => `[sso-session ${name}]`),
  fc.constantFrom("[default]", "[DEFAULT]", "[profile]", "[sso-session]", "[profile dev", "[]"),
  names.map((name) => `[${name}]`),
  names.map((name) => `[ profile ${name} ]`),
  names.map((name) => `[profile "${name}"]`),
  fc.string({ maxLength: 12 }).map((text) => `[${text}]`),
);
const entry = fc
  .tuple(ws, ssoKeys, ws, fc.constantFrom("=", ":", " = ", "=="), ws, values)
  .map((parts) => parts.join(""));
const line = fc.oneof(
  { weight: 3, arbitrary: header },
  { weight: 6, arbitrary: entry },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((text) => `# ${text}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((text) => `; ${text}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((text) => `  ${text}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constant("") },
);

/** Joins lines with the given endings, in turn, and an optional byte order mark. */
const asFileText = fc
  .record({
    endings: fc.array(fc.constantFrom("\n", "\r\n", "\r"), { minLength: 1, maxLength: 3 }),
    bom: fc.boolean(),
  })
  .map(({ endings, bom }) => (lines: string[]) => {
    const text = lines.map((each, index) => each + endings[index % endings.length]).join("");
    return `${bom ? "\uFEFF" : ""}${text}`;
  });

/** The text of a shared config (or credentials) file: sections, entries and debris. */
export const configText = fc
  .tuple(fc.array(line, { maxLength: 14 }), asFileText)
  .map(([lines, join]) => join(lines));

/**
 * A working SSO config for `profile` (through sso-session `session`, or a legacy profile),
 * then disturbed: generated lines inserted anywhere, maybe one line dropped, entries indented
 * or spaced oddly.
 */
export function disturbedSsoConfig(
  profile: fc.Arbitrary<string>,
  session: fc.Arbitrary<string>,
): fc.Arbitrary<{ text: string; profile: string; session: string }> {
  return fc
    .record({
      profile,
      session,
      legacy: fc.boolean(),
      around: ws,
      inserts: fc.array(fc.tuple(fc.nat(), line), { maxLength: 4 }),
      drop: fc.option(fc.nat(), { freq: 4 }),
      join: asFileText,
    })
    .map(({ profile, session, legacy, around, inserts, drop, join }) => {
      const profileHeader = profile === "default" ? "[default]" : `[profile ${profile}]`;
      const entry = (key: string, value: string) => `${key}${around}=${around}${value}`;
      const lines = legacy
        ? [
            profileHeader,
            entry("sso_start_url", "https://d-1234567890.awsapps.com/start"),
            entry("sso_region", "us-east-1"),
            entry("sso_account_id", "111122223333"),
            entry("sso_role_name", "ReadOnly"),
          ]
        : [
            profileHeader,
            entry("sso_session", session),
            entry("region", "eu-west-1"),
            "",
            `[sso-session ${session}]`,
            entry("sso_start_url", "https://d-1234567890.awsapps.com/start"),
            entry("sso_region", "us-east-1"),
            entry("sso_registration_scopes", "sso:account:access"),
          ];
      for (const [at, extra] of inserts) lines.splice(at % (lines.length + 1), 0, extra);
      if (drop !== null) lines.splice(drop % lines.length, 1);
      return { text: join(lines), profile, session };
    });
}

/** What is asked of the config: a profile (or none: `AWS_PROFILE`, then default) or a session. */
export const configQuery: fc.Arbitrary<Record<string, string>> = fc.oneof(
  names.map((profile) => ({ profile })),
  names.map((ssoSession) => ({ ssoSession })),
  fc.constant({}),
);

/**
 * A config file and what is asked of it: mostly a disturbed working config and its own
 * profile or session; sometimes pure debris and any name.
 */
export const configCase: fc.Arbitrary<{ text: string; query: Record<string, string> }> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(disturbedSsoConfig(names, names), fc.constantFrom("profile", "session", "none"))
      .map(([config, ask]): { text: string; query: Record<string, string> } => ({
        text: config.text,
        query:
          ask === "profile"
            ? { profile: config.profile }
            : ask === "session"
              ? { ssoSession: config.session }
              : {},
      })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(configText, configQuery).map(([text, query]) => ({ text, query })),
  },
);
