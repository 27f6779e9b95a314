/** What a merchant does in the console, step by step, for the browser tests. */
import type { Page } from 'playwright-core';
import { screenshot } from './browser';
import { HOSTING, type Merchant } from './emulators';

export const WAIT = { timeout: 20000 };

export async function signIn(page: Page, merchant: Merchant) {
  await page.goto(`${HOSTING}/login`);
  await page.getByLabel('Email').fill(merchant.email);
  await page.getByLabel('Password').fill(merchant.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('switch', { name: 'Online' }).waitFor(WAIT);
}

/** Flips the always-visible switch and waits until the console shows the new state. */
export async function setOnline(page: Page, online: boolean) {
  const toggle = page.getByRole('switch', { name: 'Online' });
  await toggle.waitFor(WAIT);
  if ((await toggle.getAttribute('aria-checked')) !== String(online)) await toggle.click();
  try {
    await page.locator(`[role="switch"][aria-checked="${online}"]`).first().waitFor(WAIT);
  } catch (error) {
    await screenshot(page, `switch-stuck-${online}`);
    throw error;
  }
}
