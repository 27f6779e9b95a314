/**
 * The chat windows open side by side in the inbox: which conversations, in the order they
 * were opened, and which are minimised. As many windows show as the screen fits (4 on a
 * standard desktop, 1 on a phone); opening one more closes the oldest visible window —
 * its conversation stays in the recap. Remembered per tab and store, so a reload keeps
 * the operator's desk as it was.
 */
import { computed, ref, watch } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { useSessionStore } from './session';

export interface ChatWindowState {
  id: string;
  minimised: boolean;
}

/** The most windows shown at once, whatever the screen. */
export const MAX_WINDOWS = 4;
/** Narrowest a chat window gets before one fewer fits. */
export const WINDOW_MIN_WIDTH = 340;

const storageKey = (storeId: string) => `comptoir.windows.${storeId}`;

function readSaved(storeId: string): ChatWindowState[] {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(storageKey(storeId)) ?? '[]');
    if (!Array.isArray(saved)) return [];
    return saved
      .filter(
        (w): w is ChatWindowState => typeof w?.id === 'string' && typeof w?.minimised === 'boolean',
      )
      .slice(-12);
  } catch {
    return [];
  }
}

export const useWindowsStore = defineStore('windows', () => {
  const session = useSessionStore();

  /** Oldest first: the first visible one is the one a new window replaces. */
  const windows = ref<ChatWindowState[]>([]);
  /** How many fit side by side; the inbox page measures it. */
  const capacity = ref(1);
  const recapMinimised = ref(false);
  /** The window that last asked for the keyboard (opened or restored). */
  const focusedId = ref<string | null>(null);

  const visible = computed(() => windows.value.filter((w) => !w.minimised));
  const minimised = computed(() => windows.value.filter((w) => w.minimised));
  const isOpen = (id: string) => windows.value.some((w) => w.id === id);
  const isVisible = (id: string) => visible.value.some((w) => w.id === id);

  watch(
    () => session.storeId,
    (storeId, previous) => {
      // A link opened before the store was known (`/conversations/:id` on a fresh load)
      // joins the windows remembered for the store instead of being dropped.
      const pending = previous === null || previous === undefined ? windows.value : [];
      const saved = storeId ? readSaved(storeId) : [];
      windows.value = [...saved.filter((w) => !pending.some((p) => p.id === w.id)), ...pending];
      fitToCapacity(focusedId.value ?? undefined);
    },
    { immediate: true },
  );
  watch(
    windows,
    (list) => {
      if (!session.storeId) return;
      try {
        sessionStorage.setItem(storageKey(session.storeId), JSON.stringify(list));
      } catch {
        // Not remembering the desk is harmless.
      }
    },
    { deep: true },
  );

  /** Closes the oldest visible windows until the rest fit, keeping `keep` open. */
  function fitToCapacity(keep?: string) {
    while (visible.value.length > capacity.value) {
      const oldest = visible.value.find((w) => w.id !== keep);
      if (!oldest) break;
      windows.value = windows.value.filter((w) => w !== oldest);
    }
  }

  function setCapacity(fits: number) {
    capacity.value = Math.max(1, Math.min(MAX_WINDOWS, fits));
    fitToCapacity(focusedId.value ?? undefined);
  }

  /** Shows a conversation in a window: a new one, or the existing one restored. */
  function open(id: string) {
    const existing = windows.value.find((w) => w.id === id);
    if (existing) existing.minimised = false;
    else windows.value.push({ id, minimised: false });
    focusedId.value = id;
    fitToCapacity(id);
  }

  /** Back to the recap only: the conversation itself is untouched. */
  function hide(id: string) {
    windows.value = windows.value.filter((w) => w.id !== id);
    if (focusedId.value === id) focusedId.value = null;
  }

  function minimise(id: string) {
    const w = windows.value.find((x) => x.id === id);
    if (w) w.minimised = true;
  }

  return {
    windows,
    visible,
    minimised,
    capacity,
    recapMinimised,
    focusedId,
    isOpen,
    isVisible,
    setCapacity,
    open,
    restore: open,
    hide,
    minimise,
  };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useWindowsStore, import.meta.hot));
}
