/** What the loader is told about a store, derived from the stored availability document. */
import type { Availability, AvailabilityResponse } from '@comptoir/core';

export const DEFAULT_LAUNCHER: AvailabilityResponse['launcher'] = {
  position: 'bottom-right',
  color: '#1f6f5c',
};

export function availabilityResponse(
  storeId: string,
  stored: Availability | undefined,
): AvailabilityResponse {
  return {
    storeId,
    status: stored?.status ?? 'offline',
    launcher: stored?.launcher ?? DEFAULT_LAUNCHER,
  };
}
