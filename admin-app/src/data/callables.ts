/**
 * The Cloud Functions the console calls. Every write that touches more than one document
 * or must be checked by the server (presence, settings, ending a chat) goes through here,
 * never through a direct Firestore write.
 */
import { FirebaseError } from 'firebase/app';
import { httpsCallable } from 'firebase/functions';
import type { AvailabilityStatus, Configuration } from '@comptoir/core';
import { functions } from '../firebase';

const setOperatorStatusFn = httpsCallable<
  { storeId: string; online: boolean },
  { status: AvailabilityStatus }
>(functions, 'setOperatorStatus');

const endConversationFn = httpsCallable<{ storeId: string; conversationId: string }, { ok: true }>(
  functions,
  'endConversation',
);

/** Switches this operator online or offline; also the heartbeat (`online: true` again). */
export async function setOperatorStatus(storeId: string, online: boolean) {
  const result = await setOperatorStatusFn({ storeId, online });
  return result.data;
}

const saveConfigurationFn = httpsCallable<{ storeId: string } & Configuration, { ok: true }>(
  functions,
  'saveStoreSettings',
);

/** The whole Settings page at once: the server writes it in one batch. */
export async function saveConfiguration(storeId: string, configuration: Configuration) {
  await saveConfigurationFn({ storeId, ...configuration });
}

const rotateIdentitySecretFn = httpsCallable<{ storeId: string }, { ok: true }>(
  functions,
  'rotateIdentitySecret',
);

/** A new identity secret: signatures made with the old one stop working at once. */
export async function rotateIdentitySecret(storeId: string) {
  await rotateIdentitySecretFn({ storeId });
}

/** Ends an ongoing conversation; the server frees its chat slot. */
export async function endConversation(storeId: string, conversationId: string) {
  await endConversationFn({ storeId, conversationId });
}

const reopenConversationFn = httpsCallable<
  { storeId: string; conversationId: string },
  { status: 'ongoing' }
>(functions, 'reopenConversation');

/** Brings a finished conversation back to Ongoing; it takes a chat slot again. */
export async function reopenConversation(storeId: string, conversationId: string) {
  await reopenConversationFn({ storeId, conversationId });
}

/**
 * Per-field refusals of `saveStoreSettings` (`details.fields`), or null when the error is
 * about something else. The server runs the same validator as the form, so these are
 * rare, but must land under the right field when they happen.
 */
export function invalidFieldsOf(err: unknown): Record<string, string> | null {
  if (!(err instanceof FirebaseError)) return null;
  const details = (err as FirebaseError & { details?: unknown }).details;
  if (typeof details !== 'object' || details === null) return null;
  const { code, fields } = details as { code?: unknown; fields?: unknown };
  if (code !== 'invalid-fields' || typeof fields !== 'object' || fields === null) return null;
  return Object.fromEntries(
    Object.entries(fields).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/**
 * What to tell the operator when a call fails. The functions answer with a human
 * `message`; only transport failures (and unexpected crashes, reported as a bare
 * "internal") need words from here.
 */
export function describeCallableError(err: unknown): string {
  if (!(err instanceof FirebaseError)) return 'Something went wrong. Please try again.';
  // The SDK appends the HTTP status ("… [400]"): useful in logs, noise to an operator.
  const message = err.message.replace(/\s*\[\d{1,3}\]$/, '').trim();
  switch (err.code) {
    case 'functions/unavailable':
      return 'Cannot reach Comptoir. Check your connection and try again.';
    case 'functions/deadline-exceeded':
      return 'Comptoir took too long to answer. Please try again.';
    case 'functions/unauthenticated':
      return 'Your session has ended. Sign in again.';
    case 'functions/internal':
      // The SDK also reports an unreachable server as a bare "internal" (not "unavailable").
      if (/^internal$/i.test(message)) {
        return 'Comptoir could not be reached or failed to answer. Check your connection and try again.';
      }
      return message;
    default:
      return message || 'Something went wrong. Please try again.';
  }
}
