/**
 * Warns before an edit is lost: on navigation inside the console (router guard) and on
 * closing or reloading the tab (beforeunload, where the browser shows its own prompt).
 */
import { onBeforeUnmount, onMounted, type Ref } from 'vue';
import { onBeforeRouteLeave } from 'vue-router';
import { useCurrentUser } from 'vuefire';

const QUESTION = 'You have unsaved changes. Leave this page without saving them?';

export function useUnsavedChangesGuard(dirty: Readonly<Ref<boolean>>) {
  const user = useCurrentUser();

  onBeforeRouteLeave(() => {
    // Signing out navigates away too, once the session is gone: nothing could be saved.
    if (!dirty.value || !user.value) return true;
    return window.confirm(QUESTION);
  });

  function onBeforeUnload(event: BeforeUnloadEvent) {
    if (!dirty.value) return;
    event.preventDefault();
    // Older browsers only prompt when returnValue is set; the text itself is ignored.
    event.returnValue = QUESTION;
  }
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload));
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onBeforeUnload));
}
