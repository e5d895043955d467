export { acquireSessionLock, cannotEverLock, LockNotAcquiredError } from "./acquireSessionLock.js";
export type { AcquireSessionLockOptions, LockPurpose, SessionLock } from "./acquireSessionLock.js";
