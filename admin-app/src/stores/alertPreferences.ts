/**
 * How this browser alerts the operator: sounds, and desktop notifications while the tab
 * is in the background. Kept per browser (localStorage), not per account: permission for
 * notifications and the speakers belong to the device, and an operator may want sound at
 * the shop counter but not on the laptop at home.
 */
import { ref, watch } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';

const KEY = 'comptoir.alerts';

interface Saved {
  sounds: boolean;
  desktop: boolean;
}

function read(): Saved {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Saved>;
    return {
      sounds: typeof saved.sounds === 'boolean' ? saved.sounds : true,
      desktop: typeof saved.desktop === 'boolean' ? saved.desktop : false,
    };
  } catch {
    return { sounds: true, desktop: false };
  }
}

export type DesktopPermission = NotificationPermission | 'unsupported';

const currentPermission = (): DesktopPermission =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

export const useAlertPreferencesStore = defineStore('alertPreferences', () => {
  const saved = read();
  const sounds = ref(saved.sounds);
  const desktop = ref(saved.desktop);
  const permission = ref<DesktopPermission>(currentPermission());

  watch([sounds, desktop], () => {
    try {
      localStorage.setItem(KEY, JSON.stringify({ sounds: sounds.value, desktop: desktop.value }));
    } catch {
      // Storage disabled: the choice lasts until the page closes.
    }
  });

  /** Turning desktop notifications on asks the browser first (it needs a click). */
  async function setDesktop(on: boolean) {
    if (!on) {
      desktop.value = false;
      return;
    }
    if (permission.value === 'unsupported') return;
    if (permission.value !== 'granted') {
      permission.value = await Notification.requestPermission();
    }
    desktop.value = permission.value === 'granted';
  }

  return { sounds, desktop, permission, setDesktop };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useAlertPreferencesStore, import.meta.hot));
}
