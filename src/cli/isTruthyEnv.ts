/**
 * Whether an environment switch is on: set, non-empty and not `0`, `false`, `no` or `off`.
 *
 * @internal
 */
export function isTruthyEnv(value: string | undefined): boolean {
  return value !== undefined && value !== "" && !/^(0|false|no|off)$/i.test(value.trim());
}
