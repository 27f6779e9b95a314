/**
 * Joining a store from an invitation link: what the link is for (asked before anyone signs
 * in), creating the invitee's account or signing them in, accepting, and waiting until the
 * new membership reaches the console's session so the inbox opens on the right store.
 */
import { computed, ref, watch } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { createUserWithEmailAndPassword } from 'firebase/auth';
import { normalizeEmail, validateMemberName, type InvitationPreview } from '@comptoir/core';
import { auth } from '../firebase';
import { describeCallableError } from '../data/callables';
import { acceptInvitation, previewInvitation, refusalCode } from '../data/invitations';
import { describeAuthError, PASSWORD_MIN_LENGTH } from '../lib/authErrors';
import { useSessionStore } from './session';

export type JoinMode = 'create' | 'signIn';

/** A link that cannot be used: what to call it, and what to do about it. */
export interface LinkProblem {
  code: string;
  title: string;
  message: string;
  /** Worth trying again (a network failure), rather than asking for a new link. */
  retry: boolean;
}

const TITLES: Record<string, string> = {
  'invitation-expired': 'This invitation has expired',
  'invitation-revoked': 'This invitation was cancelled',
  'invitation-used': 'This invitation has already been used',
};

function linkProblem(err: unknown): LinkProblem {
  const code = refusalCode(err) ?? 'unreachable';
  const message = describeCallableError(err);
  if (TITLES[code]) return { code, title: TITLES[code]!, message, retry: false };
  if (code === 'unreachable') {
    return { code, title: 'Could not open the invitation', message, retry: true };
  }
  return { code, title: 'This link does not work', message, retry: false };
}

export interface JoinForm {
  mode: JoinMode;
  displayName: string;
  email: string;
  password: string;
}

export type JoinOutcome =
  | { ok: true }
  | {
      ok: false;
      message: string;
      fields: Record<string, string>;
      /** The form should offer the other way in (an account exists: sign in with it). */
      switchTo?: JoinMode;
    };

/** How long to wait for the new membership to reach the console's listener. */
const MEMBERSHIP_WAIT_MS = 15000;

export const useJoinStore = defineStore('join', () => {
  const session = useSessionStore();

  const storeId = ref('');
  const token = ref('');
  const preview = ref<InvitationPreview | null>(null);
  const problem = ref<LinkProblem | null>(null);
  const loading = ref(false);
  const busy = ref(false);

  const accountEmail = computed(() => session.user?.email ?? null);
  /** Signed in, but as someone the invitation is not for. */
  const wrongAccount = computed(
    () =>
      preview.value !== null &&
      accountEmail.value !== null &&
      normalizeEmail(accountEmail.value) !== preview.value.email,
  );

  async function open(store: unknown, linkToken: unknown) {
    preview.value = null;
    problem.value = null;
    if (typeof store !== 'string' || typeof linkToken !== 'string' || !store || !linkToken) {
      problem.value = {
        code: 'invalid-link',
        title: 'This link does not work',
        message: 'The link is missing a part. Open it again from the invitation email, in full.',
        retry: false,
      };
      return;
    }
    storeId.value = store;
    token.value = linkToken;
    loading.value = true;
    try {
      preview.value = await previewInvitation(store, linkToken);
    } catch (err) {
      problem.value = linkProblem(err);
    } finally {
      loading.value = false;
    }
  }

  /** Resolves once the session lists this store (the members listener is live). */
  function membershipArrives(id: string): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        stop();
        resolve(false);
      }, MEMBERSHIP_WAIT_MS);
      const stop = watch(
        () => session.memberships.some((m) => m.storeId === id),
        (present) => {
          if (!present) return;
          clearTimeout(timer);
          queueMicrotask(() => stop());
          resolve(true);
        },
        { immediate: true },
      );
    });
  }

  async function signInOrCreate(form: JoinForm): Promise<JoinOutcome | null> {
    if (session.user) return null;
    if (form.mode === 'create') {
      if (form.password.length < PASSWORD_MIN_LENGTH) {
        const message = `Choose a longer password: at least ${PASSWORD_MIN_LENGTH} characters.`;
        return { ok: false, message, fields: { password: message } };
      }
      try {
        await createUserWithEmailAndPassword(auth, preview.value!.email, form.password);
        return null;
      } catch (err) {
        const message = describeAuthError(err);
        const code = (err as { code?: string }).code;
        if (code === 'auth/email-already-in-use') {
          return { ok: false, message, fields: {}, switchTo: 'signIn' };
        }
        return {
          ok: false,
          message,
          fields: code === 'auth/weak-password' ? { password: message } : {},
        };
      }
    }
    if (!form.email.trim() || !form.password) {
      return { ok: false, message: 'Enter your email and password.', fields: {} };
    }
    try {
      await session.signIn(form.email, form.password);
      return null;
    } catch (err) {
      return { ok: false, message: describeAuthError(err), fields: {} };
    }
  }

  /** Signs the invitee in (or creates their account), then accepts the invitation. */
  async function join(form: JoinForm): Promise<JoinOutcome> {
    if (!preview.value || busy.value) return { ok: false, message: 'Please wait…', fields: {} };
    const name = validateMemberName(form.displayName);
    if (!name.ok) {
      return { ok: false, message: name.message, fields: { displayName: name.message } };
    }
    busy.value = true;
    try {
      const refused = await signInOrCreate(form);
      if (refused) return refused;
      const signedInAs = auth.currentUser?.email;
      if (signedInAs && normalizeEmail(signedInAs) !== preview.value.email) {
        return {
          ok: false,
          message: `This invitation is for ${preview.value.email}. Sign out, then sign in with that address.`,
          fields: {},
        };
      }
      try {
        await acceptInvitation(storeId.value, token.value, name.value);
      } catch (err) {
        const code = refusalCode(err);
        // Accepted already (another tab, a double click): the store is theirs, go on.
        if (code !== 'already-member') {
          if (code && TITLES[code]) problem.value = linkProblem(err);
          return { ok: false, message: describeCallableError(err), fields: {} };
        }
      }
      session.chooseStore(storeId.value);
      if (!(await membershipArrives(storeId.value))) {
        return {
          ok: false,
          message: 'You joined the store, but the inbox is slow to load. Reload the page.',
          fields: {},
        };
      }
      return { ok: true };
    } finally {
      busy.value = false;
    }
  }

  async function signOut() {
    await session.signOut();
  }

  return {
    storeId,
    preview,
    problem,
    loading,
    busy,
    accountEmail,
    wrongAccount,
    open,
    join,
    signOut,
  };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useJoinStore, import.meta.hot));
}
