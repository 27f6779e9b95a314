/**
 * The operator's online switch, its heartbeat, and what shoppers currently see (the
 * store's availability). The switch state is the presence document, never a local flag:
 * another tab, or the server's 90-second grace period, can change it too.
 */
import { computed, ref, watch } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { useDocument } from 'vuefire';
import type { AvailabilityStatus } from '@comptoir/core';
import { availabilityRef, presenceRef } from '../data/availability';
import { describeCallableError, setOperatorStatus } from '../data/callables';
import { usePageVisible } from '../lib/page';
import { useNow } from '../lib/time';
import { useSessionStore } from './session';

/** Well inside the server's 90 s grace period, so one lost beat does not end the shift. */
export const HEARTBEAT_MS = 25_000;

export const useAvailabilityStore = defineStore('availability', () => {
  const session = useSessionStore();
  const uid = computed(() => session.user?.uid ?? null);

  const presenceRefValue = useDocument(() =>
    session.storeId && uid.value ? presenceRef(session.storeId, uid.value) : null,
  );
  // A store switch keeps the previous store's document until the next one arrives.
  const presence = computed(() => {
    const p = presenceRefValue.value;
    return p && p.storeId === session.storeId && p.id === uid.value ? p : null;
  });
  // What the server confirmed for the last click, until the presence document catches up:
  // the switch must not lag (or stick) behind an answer the console already has.
  const confirmed = ref<boolean | null>(null);
  watch(
    () => [presence.value?.lastSeenAt?.toMillis(), session.storeId, uid.value],
    () => (confirmed.value = null),
  );
  const online = computed(() => confirmed.value ?? presence.value?.online === true);
  const presenceLoading = computed(
    () => session.storeId !== null && presenceRefValue.pending.value,
  );

  const availabilityDocRef = useDocument(() =>
    session.storeId ? availabilityRef(session.storeId) : null,
  );
  const now = useNow();
  /** What the widget shows shoppers; null until known. */
  const status = computed<AvailabilityStatus | null>(() => {
    const doc = availabilityDocRef.value;
    if (!doc || doc.storeId !== session.storeId) {
      return availabilityDocRef.pending.value || !session.storeId ? null : 'offline';
    }
    // The doc is only rewritten on changes: a console that vanished leaves "online" behind
    // with an expired onlineUntil, which the widget already reads as offline.
    const until = doc.onlineUntil?.toMillis();
    if (doc.status !== 'offline' && until !== undefined && until < now.value) return 'offline';
    return doc.status;
  });

  /** A click on the switch is in flight. */
  const pending = ref(false);
  /** Why the last click failed, in words. */
  const error = ref('');
  /** Why the last heartbeat failed: shoppers may soon stop seeing this operator. */
  const heartbeatError = ref('');

  let timer: ReturnType<typeof setInterval> | undefined;
  let lastBeatAt = 0;
  let inFlightBeat: Promise<void> | null = null;

  function beat() {
    const storeId = session.storeId;
    if (!storeId || pending.value || inFlightBeat) return;
    lastBeatAt = Date.now();
    inFlightBeat = setOperatorStatus(storeId, true)
      .then(() => void (heartbeatError.value = ''))
      .catch((err: unknown) => {
        console.warn('Heartbeat failed', err);
        heartbeatError.value = `Could not confirm you are online: ${describeCallableError(err)}`;
      })
      .finally(() => (inFlightBeat = null));
  }

  function stopHeartbeat() {
    clearInterval(timer);
    timer = undefined;
  }

  /** Runs the heartbeat exactly while this operator is online in the open store. */
  function syncHeartbeat() {
    stopHeartbeat();
    if (!session.storeId || !online.value || pending.value) return;
    // After a reload the last beat may be long gone: send one at once if it is due.
    if (Date.now() - lastBeatAt >= HEARTBEAT_MS) beat();
    timer = setInterval(beat, HEARTBEAT_MS);
  }

  watch([() => session.storeId, online], ([storeId], [previousStoreId, wasOnline]) => {
    // Switching stores ends the heartbeat for the previous one: say so rather than leave
    // its shoppers waiting on an operator who no longer watches that inbox.
    if (previousStoreId && previousStoreId !== storeId && wasOnline && uid.value) {
      setOperatorStatus(previousStoreId, false).catch((err: unknown) =>
        console.warn('Could not go offline in the previous store', err),
      );
    }
    syncHeartbeat();
  });
  syncHeartbeat();

  // Background tabs throttle timers: catch up as soon as the tab is seen again.
  const visible = usePageVisible();
  watch(visible, (isVisible) => {
    if (isVisible && timer && Date.now() - lastBeatAt >= HEARTBEAT_MS) beat();
  });

  async function setOnline(next: boolean) {
    const storeId = session.storeId;
    if (!storeId || pending.value) return;
    pending.value = true;
    error.value = '';
    stopHeartbeat();
    try {
      // A beat still in flight must not land after "offline" and switch the operator back on.
      await inFlightBeat;
      await setOperatorStatus(storeId, next);
      confirmed.value = next;
      if (next) lastBeatAt = Date.now();
      heartbeatError.value = '';
    } catch (err) {
      error.value = describeCallableError(err);
    } finally {
      pending.value = false;
      syncHeartbeat();
    }
  }

  const toggle = () => setOnline(!online.value);

  function dismissErrors() {
    error.value = '';
    heartbeatError.value = '';
  }

  /**
   * Called before signing out: an operator who leaves goes offline now, not after the
   * grace period. Never blocks the sign-out; the grace period covers a failure.
   */
  async function goOfflineBeforeSignOut() {
    const storeId = session.storeId;
    stopHeartbeat();
    if (!storeId || !online.value) return;
    await inFlightBeat;
    try {
      await setOperatorStatus(storeId, false);
    } catch (err) {
      console.warn('Could not go offline before signing out', err);
    }
  }

  return {
    online,
    presenceLoading,
    status,
    pending,
    error,
    heartbeatError,
    toggle,
    dismissErrors,
    goOfflineBeforeSignOut,
  };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useAvailabilityStore, import.meta.hot));
}
