/**
 * Who is signed in, which store they operate, and how they appear to shoppers.
 * Everything store-scoped (conversations, messages) hangs off `storeId` from here.
 */
import { computed, nextTick, ref } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { useCollection, useCurrentUser, useDocument } from 'vuefire';
import { signInWithEmailAndPassword, signOut as firebaseSignOut } from 'firebase/auth';
import { auth } from '../firebase';
import { membershipsQuery } from '../data/members';
import { settingsOf, storeRef } from '../data/stores';

// Remembered per browser so an operator of several stores lands where they left off.
const STORE_KEY = 'comptoir.storeId';

function readRememberedStore(): string | null {
  try {
    return localStorage.getItem(STORE_KEY);
  } catch {
    return null; // storage disabled: fall back to the first store
  }
}

export const useSessionStore = defineStore('session', () => {
  const user = useCurrentUser();
  // Raised while signing out so every listener is detached before the credentials go:
  // otherwise each would log a permission error on its way out.
  const signingOut = ref(false);
  const activeUid = computed(() => (signingOut.value ? null : (user.value?.uid ?? null)));

  const membershipsRef = useCollection(() =>
    activeUid.value ? membershipsQuery(activeUid.value) : null,
  );
  // VueFire keeps the previous result while a new query loads; filtering on the uid keeps
  // a second account on the same browser from briefly seeing the first one's stores.
  const memberships = computed(() =>
    membershipsRef.value.filter((membership) => membership.uid === activeUid.value),
  );
  const membershipsLoading = computed(
    () => activeUid.value !== null && membershipsRef.pending.value,
  );
  const membershipsError = computed(() => membershipsRef.error.value ?? null);

  const chosenStoreId = ref(readRememberedStore());
  const membership = computed(
    () =>
      memberships.value.find((m) => m.storeId === chosenStoreId.value) ??
      memberships.value[0] ??
      null,
  );
  const storeId = computed(() => membership.value?.storeId ?? null);
  const operatorName = computed(() => membership.value?.displayName ?? '');

  const storeDocRef = useDocument(() => (storeId.value ? storeRef(storeId.value) : null));
  // VueFire keeps the previous store while the next one loads: never mix two stores.
  const storeDoc = computed(() =>
    storeDocRef.value && storeDocRef.value.id === storeId.value ? storeDocRef.value : null,
  );
  const storeName = computed(() => storeDoc.value?.name ?? '');
  const storeLoading = computed(() => storeId.value !== null && storeDocRef.pending.value);
  /** Over the defaults, so older store documents still fill the Settings form. */
  const settings = computed(() => settingsOf(storeDoc.value));
  const ongoingCount = computed(() => Math.max(0, storeDoc.value?.ongoingCount ?? 0));

  function chooseStore(id: string) {
    chosenStoreId.value = id;
    try {
      localStorage.setItem(STORE_KEY, id);
    } catch {
      // Not remembering the choice is harmless.
    }
  }

  async function signIn(email: string, password: string) {
    await signInWithEmailAndPassword(auth, email.trim(), password);
  }

  async function signOut() {
    signingOut.value = true;
    try {
      await nextTick();
      await firebaseSignOut(auth);
    } finally {
      signingOut.value = false;
    }
  }

  return {
    user,
    memberships,
    membershipsLoading,
    membershipsError,
    membership,
    storeId,
    operatorName,
    storeName,
    storeLoading,
    storeDoc,
    settings,
    ongoingCount,
    chooseStore,
    signIn,
    signOut,
  };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot));
}
