/** Browser state the inbox reacts to: whether the tab is seen, and motion preferences. */
import { onScopeDispose, readonly, ref } from 'vue';

/**
 * True while the tab is visible. Read marks depend on it: a message that arrives in a
 * background tab has not been seen, even if its conversation is the open one.
 */
export function usePageVisible() {
  const visible = ref(document.visibilityState === 'visible');
  const update = () => (visible.value = document.visibilityState === 'visible');
  document.addEventListener('visibilitychange', update);
  window.addEventListener('focus', update);
  onScopeDispose(() => {
    document.removeEventListener('visibilitychange', update);
    window.removeEventListener('focus', update);
  });
  return readonly(visible);
}

export function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** Message for a Firestore listener error, in words an operator can act on. */
export function describeLoadError(error: { code?: string } | null | undefined): string {
  switch (error?.code) {
    case 'permission-denied':
      return 'You no longer have access to this store.';
    case 'unavailable':
      return 'Connection lost. Trying again…';
    case 'failed-precondition':
      return 'The inbox is being prepared. Try again in a minute.';
    default:
      return 'Something went wrong while loading. Reload the page to try again.';
  }
}
