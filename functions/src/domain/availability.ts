/**
 * Availability, derived: who is online, whether a slot is free, what the loader shows.
 * Pure functions, so the rules of availability are unit-tested without the emulator.
 */
import type {
  Availability,
  AvailabilityResponse,
  AvailabilityStatus,
  OperatorPresence,
  Store,
  TimestampLike,
  WidgetSettings,
} from '@comptoir/core';
import { DEFAULT_STORE_SETTINGS } from '@comptoir/core';

export const DEFAULT_LAUNCHER: AvailabilityResponse['launcher'] = {
  position: 'bottom-right',
  color: '#1f6f5c',
};

export interface DerivedAvailability {
  status: AvailabilityStatus;
  offlineForm: boolean;
  /** Millis since epoch, or null when offline. */
  onlineUntil: number | null;
  launcher: WidgetSettings['launcher'];
}

/**
 * online: some operator switched on and heard from within the grace period, and fewer
 * conversations are ongoing than the cap; full: the same but at the cap; offline otherwise.
 */
export function deriveAvailability(
  store: Partial<Store> | undefined,
  presences: readonly OperatorPresence[],
  launcher: WidgetSettings['launcher'] | undefined,
  nowMs: number,
  graceSeconds: number,
): DerivedAvailability {
  const lastHeard = presences
    .filter((p) => p.online)
    .map((p) => p.lastSeenAt.toMillis() + graceSeconds * 1000)
    .filter((until) => until > nowMs);
  const onlineUntil = lastHeard.length > 0 ? Math.max(...lastHeard) : null;
  const cap = store?.maxConcurrentChats ?? DEFAULT_STORE_SETTINGS.maxConcurrentChats;
  const ongoing = store?.ongoingCount ?? 0;
  const status: AvailabilityStatus =
    onlineUntil === null ? 'offline' : ongoing >= cap ? 'full' : 'online';
  return {
    status,
    offlineForm: store?.offlineMode ?? DEFAULT_STORE_SETTINGS.offlineMode,
    onlineUntil,
    launcher: launcher ?? DEFAULT_LAUNCHER,
  };
}

/** The loader's answer: a stored status whose heartbeat has expired reads as offline. */
export function availabilityResponse(
  storeId: string,
  stored: Availability | undefined,
  nowMs: number,
): AvailabilityResponse {
  const until: TimestampLike | null | undefined = stored?.onlineUntil;
  const expired = !until || until.toMillis() <= nowMs;
  return {
    storeId,
    status: stored && !expired ? stored.status : 'offline',
    offlineForm: stored?.offlineForm ?? DEFAULT_STORE_SETTINGS.offlineMode,
    launcher: stored?.launcher ?? DEFAULT_LAUNCHER,
  };
}
