import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import {
  eventually,
  HOSTING,
  MAIL_SINK,
  merchantFor,
  outbox,
  uniqueStoreId,
} from '../support/emulators';

describe('the team in a real browser: invite, join, answer, rename, remove', () => {
  const storeId = uniqueStoreId('team-e2e');
  const owner = merchantFor(storeId, 'Camille');
  const inviteeEmail = `bruno-${storeId}@comptoir.test`;
  let browser: Browser;
  let store: { url: string; close(): Promise<void> };
  let ownerPage: Page;
  /** The invitee's own browser: nothing shared with the owner's session. */
  let inviteeContext: BrowserContext;
  let operatorPage: Page;
  let shopper: Page;
  let joinLink = '';

  const chatFrame = (): FrameLocator => shopper.frameLocator('#comptoir-widget iframe');
  const members = (page: Page) => page.getByRole('list', { name: 'Members' });

  beforeAll(async () => {
    await seedStore(storeId);
    await seedMerchant(storeId, owner);
    store = await startDemoStore({ widgetOrigin: HOSTING, storeId, port: 5091 });
    browser = await launchBrowser();
    ownerPage = await (
      await browser.newContext({ viewport: { width: 1280, height: 1100 } })
    ).newPage();
    inviteeContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    shopper = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  it('the owner opens the Team page and invites an operator by email', async () => {
    await signIn(ownerPage, owner);
    await ownerPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Team' })
      .click();
    await ownerPage.getByRole('heading', { name: 'Team', level: 1 }).waitFor(WAIT);
    const self = members(ownerPage).getByRole('listitem').filter({ hasText: 'Camille' });
    await self.getByText('(you)').waitFor(WAIT);
    expect(await self.innerText()).toContain('Owner');
    expect(await self.innerText()).toContain(owner.email);
    // The owner is never offered to remove themselves.
    expect(await self.getByRole('button', { name: /Remove/ }).count()).toBe(0);

    // Checked before sending, under the field.
    await ownerPage.getByLabel('Email', { exact: true }).fill('bruno@');
    await ownerPage.getByRole('button', { name: 'Send invitation' }).click();
    await ownerPage.getByText('This email address does not look right').waitFor(WAIT);

    await ownerPage.getByLabel('Email', { exact: true }).fill(inviteeEmail);
    await ownerPage.getByLabel('Name (optional)').fill('Bruno');
    await ownerPage.getByRole('button', { name: 'Send invitation' }).click();
    await ownerPage.getByText(`Invitation sent to ${inviteeEmail}.`).waitFor(WAIT);
    const pending = ownerPage.getByTestId('invitation').filter({ hasText: inviteeEmail });
    await pending.getByText(/Email sent · expires/).waitFor(WAIT);
    expect(await pending.innerText()).toContain('Invited by Camille');
    await screenshot(ownerPage, 'team-page-owner');

    // Inviting the same address again is refused under the field.
    await ownerPage.getByLabel('Email', { exact: true }).fill(inviteeEmail.toUpperCase());
    await ownerPage.getByRole('button', { name: 'Send invitation' }).click();
    await ownerPage.getByText('already has a pending invitation').waitFor(WAIT);
    await screenshot(ownerPage, 'team-page-owner-duplicate');
    await ownerPage.reload();
  });

  it('the invitation email reaches the outbox, with a link to the console’s Join page', async () => {
    const mails = await eventually(
      async () => (await outbox()).filter((m) => m.to.includes(inviteeEmail)),
      (list) => list.length > 0,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Camille invited you to the Maison Lumière team');
    joinLink = /Join the team: (\S+)/.exec(mails[0]!.text)![1]!;
    expect(joinLink.startsWith(`${HOSTING}/join?store=${storeId}&token=`)).toBe(true);

    const outboxPage = await inviteeContext.newPage();
    await outboxPage.goto(`${MAIL_SINK}/messages/${mails[0]!.id}`);
    await outboxPage.getByText(joinLink).first().waitFor(WAIT);
    await screenshot(outboxPage, 'outbox-invitation');
    await outboxPage.close();
  });

  it('in a fresh browser, the invitee opens the link, creates an account and lands in the inbox', async () => {
    operatorPage = await inviteeContext.newPage();
    await operatorPage.goto(joinLink);
    await operatorPage.getByRole('heading', { name: 'Join Maison Lumière' }).waitFor(WAIT);
    expect(await operatorPage.getByTestId('invited-email').innerText()).toContain(inviteeEmail);
    expect(await operatorPage.getByLabel('Your name').inputValue()).toBe('Bruno');
    expect(await operatorPage.getByLabel('Email').inputValue()).toBe(inviteeEmail);
    await screenshot(operatorPage, 'join-page');

    await operatorPage.getByLabel('Choose a password').fill('short');
    await operatorPage.getByRole('button', { name: 'Create account and join' }).click();
    await operatorPage.getByText('Choose a longer password: at least 8 characters.').waitFor(WAIT);
    await screenshot(operatorPage, 'join-page-weak-password');

    await operatorPage.getByLabel('Choose a password').fill('bruno-password-1');
    await operatorPage.getByRole('button', { name: 'Create account and join' }).click();
    // The new membership reaches the console without a reload: the inbox opens on the store.
    await operatorPage.getByRole('switch', { name: 'Online' }).waitFor(WAIT);
    expect(new URL(operatorPage.url()).pathname).toBe('/');
    await operatorPage
      .getByTestId('store-name')
      .filter({ hasText: 'Maison Lumière' })
      .waitFor(WAIT);
    expect(await operatorPage.getByTestId('operator-name').innerText()).toBe('Bruno');

    // The link has done its job: opened again, it says so instead of offering a form.
    const again = await (await browser.newContext()).newPage();
    await again.goto(joinLink);
    await again
      .getByRole('heading', { name: 'This invitation has already been used' })
      .waitFor(WAIT);
    expect(await again.getByRole('button', { name: /join/i }).count()).toBe(0);
    await screenshot(again, 'join-page-used');
    await again.context().close();
  });

  it('the owner’s Team page shows the new operator at once, and the invitation is gone', async () => {
    const bruno = members(ownerPage).getByRole('listitem').filter({ hasText: inviteeEmail });
    await bruno.waitFor(WAIT);
    expect(await bruno.innerText()).toContain('Operator');
    await ownerPage.getByText('No pending invitations.').waitFor(WAIT);
  });

  it('the new operator answers a shopper, whose widget shows the operator’s name under the reply', async () => {
    await setOnline(operatorPage, true);
    await shopper.goto(`${store.url}/`);
    const launcher = shopper.locator('#comptoir-widget button.launcher');
    await launcher.waitFor(WAIT);
    await launcher.click();
    await chatFrame().getByLabel('Your message').fill('Is the Opaline lamp dimmable?');
    await chatFrame().getByLabel('Your message').press('Enter');

    await operatorPage
      .getByRole('complementary', { name: 'Conversations' })
      .getByRole('button', { name: /Visitor \d+/ })
      .filter({ hasText: 'Is the Opaline lamp dimmable?' })
      .click(WAIT);
    await operatorPage.getByLabel('Reply').fill('Yes, with any standard dimmer.');
    await operatorPage.getByRole('button', { name: 'Send' }).click();

    const reply = chatFrame().locator('li.message.operator', { hasText: 'standard dimmer' });
    await reply.waitFor(WAIT);
    expect(await reply.locator('.meta').innerText()).toContain('Bruno');
  });

  it('after renaming themselves, the operator’s new replies carry the new name and old ones keep theirs', async () => {
    const conversationUrl = operatorPage.url();
    await operatorPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Team' })
      .click();
    const name = operatorPage.getByLabel('Your name, shown to shoppers under your replies');
    await name.waitFor(WAIT);
    // An operator sees the team, but not the owner's controls.
    await members(operatorPage).getByText('Camille').waitFor(WAIT);
    expect(await operatorPage.getByRole('button', { name: 'Send invitation' }).count()).toBe(0);
    expect(await operatorPage.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    await operatorPage
      .getByText('Only the store’s owner can invite or remove operators.')
      .waitFor(WAIT);

    await name.fill('B'.repeat(41));
    await operatorPage.getByRole('button', { name: 'Save name' }).click();
    await operatorPage
      .getByText('A name can be at most 40 characters (this one has 41).')
      .waitFor(WAIT);
    await name.fill('Bruno M.');
    await operatorPage.getByRole('button', { name: 'Save name' }).click();
    await operatorPage.getByText('Name saved. Your next replies carry it.').waitFor(WAIT);
    await operatorPage.getByTestId('operator-name').getByText('Bruno M.').waitFor(WAIT);
    await screenshot(operatorPage, 'team-page-operator');

    await operatorPage.goto(conversationUrl);
    await operatorPage.getByLabel('Reply').fill('Anything else I can help with?');
    await operatorPage.getByRole('button', { name: 'Send' }).click();
    const newer = chatFrame().locator('li.message.operator', { hasText: 'Anything else' });
    await newer.waitFor(WAIT);
    expect(await newer.locator('.meta').innerText()).toContain('Bruno M.');
    const older = chatFrame().locator('li.message.operator', { hasText: 'standard dimmer' });
    expect(await older.locator('.meta').innerText()).not.toContain('Bruno M.');
    await screenshot(shopper, 'store-reply-after-rename');
  });

  it('the owner removes the operator after a confirmation, and the operator’s console loses the store', async () => {
    const bruno = members(ownerPage).getByRole('listitem').filter({ hasText: inviteeEmail });
    await bruno.getByText('Bruno M.').waitFor(WAIT);
    await bruno.getByRole('button', { name: 'Remove Bruno M.' }).click();
    await bruno.getByText('Remove Bruno M.? They lose access to this store at once.').waitFor(WAIT);
    await screenshot(ownerPage, 'team-page-remove-confirm');
    await bruno.getByRole('button', { name: 'Remove', exact: true }).click();
    await bruno.waitFor({ state: 'detached', ...WAIT });
    await operatorPage.getByRole('heading', { name: 'No store yet' }).waitFor(WAIT);
  });
});
