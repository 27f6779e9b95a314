/** Firebase Auth codes are for programs; people get a sentence that says what to do next. */
import { FirebaseError } from 'firebase/app';

/** Shortest password the console accepts for a new account (Firebase's own floor is 6). */
export const PASSWORD_MIN_LENGTH = 8;

export function describeAuthError(err: unknown): string {
  const code = err instanceof FirebaseError ? err.code : '';
  switch (code) {
    case 'auth/wrong-password':
      return 'Wrong password. Check it and try again.';
    case 'auth/user-not-found':
      return 'No account uses this email address. Check the spelling or ask your store owner.';
    case 'auth/invalid-credential':
    case 'auth/invalid-login-credentials':
      return 'Wrong email or password. Check them and try again.';
    case 'auth/invalid-email':
      return 'This email address does not look right.';
    case 'auth/missing-password':
      return 'Enter your password.';
    case 'auth/weak-password':
      return `Choose a longer password: at least ${PASSWORD_MIN_LENGTH} characters.`;
    case 'auth/email-already-in-use':
      return 'An account already uses this email address. Sign in with its password instead.';
    case 'auth/too-many-requests':
      return 'Too many attempts. Wait a few minutes, then try again.';
    case 'auth/user-disabled':
      return 'This account has been disabled. Ask your store owner.';
    case 'auth/network-request-failed':
      return 'Cannot reach Comptoir. Check your connection and try again.';
    default:
      return 'Sign-in failed. Please try again.';
  }
}
