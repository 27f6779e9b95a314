import { describe, expect, it } from 'vitest';
import type { Availability, OperatorPresence } from '@comptoir/core';
import { availabilityResponse, deriveAvailability } from './availability';

const at = (ms: number) => ({ toMillis: () => ms });
const NOW = 1_000_000;
const GRACE = 90;
const operator = (online: boolean, secondsAgo: number): OperatorPresence => ({
  online,
  lastSeenAt: at(NOW - secondsAgo * 1000),
});
const store = { maxConcurrentChats: 2, ongoingCount: 0, offlineMode: true };

describe('deriving availability', () => {
  it('is online while an operator is switched on and heard from within the grace period', () => {
    const a = deriveAvailability(store, [operator(true, 10)], undefined, NOW, GRACE);
    expect(a.status).toBe('online');
    expect(a.onlineUntil).toBe(NOW - 10_000 + GRACE * 1000);
  });

  it('is offline when every operator switched off, or went silent past the grace period', () => {
    expect(deriveAvailability(store, [operator(false, 1)], undefined, NOW, GRACE).status).toBe(
      'offline',
    );
    expect(deriveAvailability(store, [operator(true, 91)], undefined, NOW, GRACE).status).toBe(
      'offline',
    );
    expect(deriveAvailability(store, [], undefined, NOW, GRACE).onlineUntil).toBeNull();
  });

  it('is full once the ongoing conversations reach the cap', () => {
    const full = { ...store, ongoingCount: 2 };
    expect(deriveAvailability(full, [operator(true, 1)], undefined, NOW, GRACE).status).toBe(
      'full',
    );
  });

  it('carries the offline mode so the loader knows whether to show the form', () => {
    const off = { ...store, offlineMode: false };
    expect(deriveAvailability(off, [], undefined, NOW, GRACE).offlineForm).toBe(false);
  });
});

describe('the loader’s answer', () => {
  const stored = (status: Availability['status'], untilMs: number | null): Availability => ({
    status,
    offlineForm: true,
    onlineUntil: untilMs === null ? null : at(untilMs),
    launcher: { position: 'bottom-left', color: '#123456' },
    updatedAt: at(0),
  });

  it('reads a stored online status as offline once its heartbeat has expired', () => {
    expect(availabilityResponse('s', stored('online', NOW + 1), NOW).status).toBe('online');
    expect(availabilityResponse('s', stored('online', NOW - 1), NOW).status).toBe('offline');
    expect(availabilityResponse('s', stored('full', NOW - 1), NOW).status).toBe('offline');
  });

  it('keeps the store’s launcher and form setting', () => {
    expect(availabilityResponse('s', stored('offline', null), NOW)).toEqual({
      storeId: 's',
      status: 'offline',
      offlineForm: true,
      launcher: { position: 'bottom-left', color: '#123456' },
    });
  });
});
