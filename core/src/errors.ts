/**
 * Error codes the callables and HTTP endpoints answer with, and the messages people see.
 * One table, so the console and the widget can show the same words the server chose.
 */
export const errorMessages = {
  unauthenticated: 'Sign in first.',
  'invalid-store-id': 'This store id is not valid.',
  'store-not-found': 'This store does not exist or has no chat.',
  'permission-denied': 'You are not allowed to do this.',
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** The JSON body every HTTP endpoint answers with when it refuses a request. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export const errorBody = (code: string, message: string): ErrorBody => ({
  error: { code, message },
});
