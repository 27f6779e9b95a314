/**
 * The store's team as the Team page shows it: members, pending invitations, and what an
 * owner or a member may change. Listened to only while the page is open (`watchTeam`).
 */
import { computed, ref } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { useCollection } from 'vuefire';
import { validateInvitationInput, validateMemberName, type InvitationInput } from '@comptoir/core';
import { describeCallableError } from '../data/callables';
import {
  fieldErrorsOf,
  inviteOperator,
  pendingInvitationsQuery,
  revokeInvitation,
} from '../data/invitations';
import { membersQuery, removeMember, updateMemberProfile } from '../data/members';
import { useSessionStore } from './session';

export type FormOutcome<T> =
  { ok: true; value: T } | { ok: false; message: string; fields: Record<string, string> };

export const useTeamStore = defineStore('team', () => {
  const session = useSessionStore();

  const listening = ref(0);
  const membersRef = useCollection(() =>
    session.storeId && listening.value > 0 ? membersQuery(session.storeId) : null,
  );
  const invitationsRef = useCollection(() =>
    session.storeId && listening.value > 0 ? pendingInvitationsQuery(session.storeId) : null,
  );

  // VueFire keeps the previous store's documents while the next store's load: never mix.
  const members = computed(() =>
    membersRef.value
      .filter((m) => m.storeId === session.storeId)
      .sort(
        (a, b) =>
          Number(b.role === 'owner') - Number(a.role === 'owner') ||
          a.displayName.localeCompare(b.displayName),
      ),
  );
  const invitations = computed(() =>
    invitationsRef.value
      .filter((i) => i.storeId === session.storeId)
      .sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis()),
  );
  const loading = computed(
    () => session.storeId !== null && (membersRef.pending.value || invitationsRef.pending.value),
  );
  const error = computed(() => membersRef.error.value ?? invitationsRef.error.value ?? null);

  const me = computed(() => session.membership);
  const isOwner = computed(() => me.value?.role === 'owner');

  /** Starts the listeners; call the returned function to stop them. */
  function watchTeam(): () => void {
    listening.value += 1;
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      listening.value -= 1;
    };
  }

  const inviting = ref(false);
  /** Validated here first, so each field's problem shows before anything is sent. */
  async function invite(input: unknown): Promise<FormOutcome<InvitationInput>> {
    const form = validateInvitationInput(input);
    if (!form.ok) return { ok: false, message: form.message, fields: form.fields };
    const storeId = session.storeId;
    if (!storeId || inviting.value) return { ok: false, message: 'Please wait…', fields: {} };
    inviting.value = true;
    try {
      await inviteOperator(storeId, form.value);
      return { ok: true, value: form.value };
    } catch (err) {
      return { ok: false, message: describeCallableError(err), fields: fieldErrorsOf(err) };
    } finally {
      inviting.value = false;
    }
  }

  const renaming = ref(false);
  async function rename(input: string): Promise<FormOutcome<string>> {
    const name = validateMemberName(input);
    if (!name.ok)
      return { ok: false, message: name.message, fields: { displayName: name.message } };
    const storeId = session.storeId;
    if (!storeId || renaming.value) return { ok: false, message: 'Please wait…', fields: {} };
    renaming.value = true;
    try {
      const saved = await updateMemberProfile(storeId, name.value);
      return { ok: true, value: saved.displayName };
    } catch (err) {
      const message = describeCallableError(err);
      return { ok: false, message, fields: { displayName: message } };
    } finally {
      renaming.value = false;
    }
  }

  /** Ids (invitation ids, member uids) with a change in flight: their buttons wait. */
  const busy = ref(new Set<string>());
  const actionError = ref('');

  async function act(id: string, action: (storeId: string) => Promise<unknown>) {
    const storeId = session.storeId;
    if (!storeId || busy.value.has(id)) return false;
    busy.value.add(id);
    actionError.value = '';
    try {
      await action(storeId);
      return true;
    } catch (err) {
      actionError.value = describeCallableError(err);
      return false;
    } finally {
      busy.value.delete(id);
    }
  }

  const revoke = (invitationId: string) =>
    act(invitationId, (storeId) => revokeInvitation(storeId, invitationId));
  const remove = (uid: string) => act(uid, (storeId) => removeMember(storeId, uid));

  return {
    members,
    invitations,
    loading,
    error,
    me,
    isOwner,
    inviting,
    renaming,
    busy,
    actionError,
    watchTeam,
    invite,
    rename,
    revoke,
    remove,
  };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useTeamStore, import.meta.hot));
}
