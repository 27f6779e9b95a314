/**
 * The error shape the HTTP endpoints answer with. Callables use HttpsError with the same
 * stable code in `details.code` (functions/src/errors.ts).
 */
/** The JSON body every HTTP endpoint answers with when it refuses a request. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export const errorBody = (code: string, message: string): ErrorBody => ({
  error: { code, message },
});
