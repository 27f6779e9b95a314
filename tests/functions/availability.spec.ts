import { describe, expect, it, beforeAll } from 'vitest';
import { seedStore, DEMO_WIDGET } from '../../scripts/lib/seed.mjs';
import { HOSTING, uniqueStoreId } from '../support/emulators';

const availability = (store: string) =>
  fetch(`${HOSTING}/api/availability?store=${encodeURIComponent(store)}`);

describe('availability endpoint (through Hosting)', () => {
  const online = uniqueStoreId('open');
  const offline = uniqueStoreId('closed');

  beforeAll(async () => {
    await seedStore(online);
    await seedStore(
      offline,
      { ...DEMO_WIDGET, launcher: { position: 'bottom-left', color: '#aa3355' } },
      'offline',
    );
  });

  it('tells the loader a store is online, with its launcher, in a response CDNs may cache briefly', async () => {
    const response = await availability(online);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    expect(await response.json()).toEqual({
      storeId: online,
      status: 'online',
      launcher: DEMO_WIDGET.launcher,
    });
  });

  it('tells the loader a store is offline, with the store’s own launcher settings', async () => {
    const body = await (await availability(offline)).json();
    expect(body).toEqual({
      storeId: offline,
      status: 'offline',
      launcher: { position: 'bottom-left', color: '#aa3355' },
    });
  });

  it('answers 400 with an error code for a malformed store id', async () => {
    const response = await availability('../../etc');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid-store-id');
  });

  it('answers 404 with an error code for a store that does not exist', async () => {
    const response = await availability(uniqueStoreId('nowhere'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'store-not-found', message: expect.stringMatching(/does not exist/) },
    });
  });
});
