/** Callable errors always carry a stable code (in details) and a human message. */
import { HttpsError, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import type { ValidationResult } from '@comptoir/core';

export function refuse(status: FunctionsErrorCode, code: string, message: string): never {
  throw new HttpsError(status, message, { code });
}

/** Unwraps a validation result, or refuses the call with its code and message. */
export function required<T>(result: ValidationResult<T>): T {
  if (!result.ok) refuse('invalid-argument', result.code, result.message);
  return result.value;
}
