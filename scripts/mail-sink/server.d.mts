/** One error as SendGrid reports it in `{ errors: [...] }`. */
export interface SendGridError {
  message: string;
  field: string | null;
  help: string | null;
}

/** An accepted mail as listed by `GET /api/messages`, newest first. */
export interface MailSummary {
  /** The `X-Message-Id` the sink answered with. */
  id: string;
  /** ISO 8601 time the sink accepted the mail. */
  receivedAt: string;
  /** `from.email`. */
  from: string | null;
  /** Every `to` address across the personalizations, without duplicates. */
  to: string[];
  /** `reply_to.email`, else the first `reply_to_list` address, else null. */
  replyTo: string | null;
  /** The mail's subject, else the first personalization subject, else null (templates). */
  subject: string | null;
  /** The `text/plain` content value, if any. */
  text: string | null;
  /** The `text/html` content value, if any. */
  html: string | null;
}

export interface EmailAddress {
  email: string;
  name?: string;
}

/** The `POST /v3/mail/send` body as accepted (the main fields; anything else SendGrid takes). */
export interface MailSendRequest {
  personalizations: Array<{
    to: EmailAddress[];
    cc?: EmailAddress[];
    bcc?: EmailAddress[];
    subject?: string;
    [field: string]: unknown;
  }>;
  from: EmailAddress;
  reply_to?: EmailAddress;
  reply_to_list?: EmailAddress[];
  subject?: string;
  content?: Array<{ type: string; value: string }>;
  template_id?: string;
  [field: string]: unknown;
}

/** `GET /api/messages/:id`: the summary plus the full request JSON as it was sent. */
export interface StoredMessage extends MailSummary {
  request: MailSendRequest;
}

export interface MailSinkOptions {
  /** Default 8025; 0 picks a free port (see `url`). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The only key accepted; default `SENDGRID_API_KEY` or `SG.local-emulator-key`. */
  apiKey?: string;
  /** JSON Lines file that keeps the outbox across restarts; memory only when absent. */
  store?: string;
  /** Body size limit, default SendGrid's 30 MB. */
  maxBodyBytes?: number;
  /** Receives one line per accepted mail and per internal error. */
  log?: (line: string) => void;
  /**
   * The inbound webhook a mail page's "Reply" form posts to (multipart, as SendGrid Inbound
   * Parse does); default `COMPTOIR_INBOUND_URL`; null hides the form.
   */
  inboundUrl?: string | null;
}

export interface MailSink {
  /** Base URL with the real port, e.g. `http://127.0.0.1:8025`. */
  url: string;
  close(): Promise<void>;
  /** Accepted mails, newest first (at most the last 500). */
  messages(): StoredMessage[];
}

export declare const DEFAULT_PORT: number;
export declare const DEFAULT_API_KEY: string;
export declare const MAX_BODY_BYTES: number;
export declare function startMailSink(options?: MailSinkOptions): Promise<MailSink>;
