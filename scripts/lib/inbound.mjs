// Where the local mail sink posts a developer's "reply" to an email: the real inbound
// webhook on the Hosting emulator, with the key the functions emulator reads from
// functions/.secret.local (a local value; production uses a Functions secret).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostingOrigin } from './client-config.mjs';

export function inboundEmailUrl() {
  const secrets = readFileSync(resolve(import.meta.dirname, '../../functions/.secret.local'), 'utf8');
  const key = /^INBOUND_EMAIL_KEY=(.+)$/m.exec(secrets)?.[1]?.trim() ?? '';
  return `${hostingOrigin()}/api/inbound-email?key=${encodeURIComponent(key)}`;
}
