/**
 * Explains, when a value is wrapped in quotes, that they are part of it: neither the AWS CLI
 * nor the AWS SDKs remove them. Returns a sentence, or none.
 *
 * @internal
 */
export function describeQuotes(value: string): string[] {
  return /^["']|["']$/.test(value) ? ["Quotes are part of the value; remove them."] : [];
}
