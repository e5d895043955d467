export type { ErrorCode } from "./ErrorCode.js";
export { describeLoginTarget, loginAdvice } from "./loginAdvice.js";
export type { LoginTarget } from "./loginAdvice.js";
export { SsoTokenProviderError } from "./SsoTokenProviderError.js";
export type { SsoTokenProviderErrorOptions } from "./SsoTokenProviderError.js";
