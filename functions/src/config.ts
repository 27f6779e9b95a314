/**
 * Configuration read once: region, admin SDK handles and tunables. Every function
 * imports from here rather than calling initializeApp or reading env vars itself.
 */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { setGlobalOptions } from 'firebase-functions/v2';

export const REGION = 'us-central1';

setGlobalOptions({ region: REGION, maxInstances: 20 });

if (getApps().length === 0) initializeApp();

export const db = getFirestore();
export const auth = getAuth();

/** How long the availability endpoint keeps an answer in memory (and lets CDNs cache it). */
export const AVAILABILITY_CACHE_SECONDS = 10;

/** The console sends a heartbeat every 25 s; an operator silent this long counts as gone. */
export const OPERATOR_GRACE_SECONDS = 90;

/** A shopper whose pages have all been closed this long gives their chat slot back. */
export const SHOPPER_IDLE_SECONDS = 5 * 60;

/** While one delivery attempt holds an email, no other may start (see email/deliver.ts). */
export const EMAIL_LEASE_SECONDS = 60;

/** Spam guard for the offline form: at most `max` messages per `windowSeconds`. */
export const OFFLINE_FORM_LIMITS = {
  perShopper: { max: 3, windowSeconds: 10 * 60 },
  perIp: { max: 10, windowSeconds: 60 * 60 },
} as const;

/** True when running under the emulator suite (set by firebase-tools). */
export const IN_EMULATOR = process.env.FUNCTIONS_EMULATOR === 'true';

/**
 * Where the console is served: invitation emails link to its Join page. Set CONSOLE_URL in
 * functions/.env when it is not the project's default Hosting site (the emulators' is in
 * functions/.env.local).
 */
export const consoleUrl = () =>
  process.env.CONSOLE_URL || `https://${process.env.GCLOUD_PROJECT}.web.app`;

/** Replies sent this close together go out as one email to a shopper who left. */
export const REPLY_EMAIL_COALESCE_SECONDS = 60;

/**
 * The domain of reply addresses (`reply+<token>@…`), whose mail SendGrid Inbound Parse posts
 * to /api/inbound-email. Set INBOUND_EMAIL_DOMAIN in production (an MX record to SendGrid).
 */
export const inboundEmailDomain = () => process.env.INBOUND_EMAIL_DOMAIN || 'reply.comptoir.test';

/** Inbound mail bigger than this is refused (a reply is text; attachments are not kept). */
export const INBOUND_EMAIL_MAX_BYTES = 1024 * 1024;

/** How long a reply address or resume link keeps working. */
export const EMAIL_TOKEN_DAYS = 30;

/**
 * Archiving (see archive/archiveFinished.ts): conversations per transaction, and how much
 * one offline switch does before answering; the rest waits for the next switch.
 */
export const ARCHIVE_BATCH_SIZE = 100;
export const ARCHIVE_MAX_BATCHES = 10;
export const ARCHIVE_TIME_BUDGET_MS = 20_000;
/** Newest messages read per conversation for search words and the customer's last message. */
export const ARCHIVE_MESSAGES_READ = 500;

/**
 * Order lookup ("Where is my order?"): attempts per shopper, per hashed IP (shared by a
 * household or an office, so looser) and per email looked up (against someone guessing
 * the numbers of one person's orders from many browsers). Found or not, each one counts.
 */
export const ORDER_LOOKUP_LIMITS = {
  perShopper: { max: 5, windowSeconds: 10 * 60 },
  perIp: { max: 30, windowSeconds: 10 * 60 },
  perEmail: { max: 10, windowSeconds: 60 * 60 },
} as const;
