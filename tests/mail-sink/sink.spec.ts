import { Client } from '@sendgrid/client';
import { MailService, type MailDataRequired } from '@sendgrid/mail';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startMailSink,
  type MailSink,
  type MailSummary,
  type SendGridError,
  type StoredMessage,
} from '../../scripts/mail-sink/server.mjs';

// The sink is exercised through the real `@sendgrid/mail` client, wired exactly as the functions
// wire it in emulator mode, so these tests also prove the client and the sink agree.

const API_KEY = 'SG.test-key';

let sink: MailSink;

beforeAll(async () => {
  sink = await startMailSink({ port: 0, apiKey: API_KEY });
});

afterAll(async () => {
  await sink?.close();
});

beforeEach(async () => {
  await fetch(`${sink.url}/api/messages`, { method: 'DELETE' });
});

/** A MailService talking to the sink; `apiKey: null` sends no Authorization header at all. */
function mailer(apiKey: string | null = API_KEY, baseUrl = sink.url): MailService {
  const client = new Client();
  // setApiKey resets baseUrl to SendGrid's, so the sink's URL must be set after it.
  if (apiKey !== null) client.setApiKey(apiKey);
  client.setDefaultRequest('baseUrl', baseUrl);
  const mail = new MailService();
  mail.setClient(client);
  return mail;
}

const validMail = (): MailDataRequired => ({
  to: { email: 'client@example.com', name: 'A Client' },
  from: { email: 'noreply@comptoir.example', name: 'Comptoir' },
  replyTo: 'shop@boutique.example',
  subject: 'New message from your shop',
  text: 'Hello,\nYou have a new reply.',
  html: '<p>Hello, you have a <strong>new reply</strong>.</p>',
});

interface RefusedSend {
  code: number;
  errors: SendGridError[];
}

/** Sends a mail that must be refused and returns the refusal as the functions would see it. */
async function refused(data: MailDataRequired, mail = mailer()): Promise<RefusedSend> {
  const error: unknown = await mail.send(data).then(
    () => {
      throw new Error('the sink accepted a mail it should have refused');
    },
    (e: unknown) => e,
  );
  const { code, response } = error as { code: number; response: { body: { errors: unknown } } };
  return { code, errors: response.body.errors as SendGridError[] };
}

/** Posts a raw body, for requests the client library would never build. */
async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${sink.url}/v3/mail/send`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${API_KEY}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as { errors: SendGridError[] }) : null,
  };
}

async function listed(): Promise<MailSummary[]> {
  const res = await fetch(`${sink.url}/api/messages`);
  expect(res.status).toBe(200);
  return (await res.json()) as MailSummary[];
}

async function page(pathname: string) {
  const res = await fetch(`${sink.url}${pathname}`);
  return { status: res.status, type: res.headers.get('content-type'), html: await res.text() };
}

const UNAUTHORIZED = {
  errors: [
    {
      message: 'The provided authorization grant is invalid, expired, or revoked',
      field: null,
      help: null,
    },
  ],
};

describe('mail send', () => {
  it('a valid mail sent with @sendgrid/mail is accepted (202) and appears in the outbox with its reply-to', async () => {
    const [response] = await mailer().send(validMail());

    expect(response.statusCode).toBe(202);
    const id = response.headers['x-message-id'] as string;
    expect(id).toMatch(/^[\w-]{16,}$/);

    const [summary] = await listed();
    expect(summary).toEqual({
      id,
      receivedAt: expect.any(String),
      from: 'noreply@comptoir.example',
      to: ['client@example.com'],
      replyTo: 'shop@boutique.example',
      subject: 'New message from your shop',
      text: 'Hello,\nYou have a new reply.',
      html: '<p>Hello, you have a <strong>new reply</strong>.</p>',
    });

    const detail = (await (await fetch(`${sink.url}/api/messages/${id}`)).json()) as StoredMessage;
    expect(detail.id).toBe(id);
    expect(detail.request.reply_to).toEqual({ email: 'shop@boutique.example' });
    expect(detail.request.personalizations[0]?.to).toEqual([
      { email: 'client@example.com', name: 'A Client' },
    ]);
    expect(sink.messages().map((m) => m.id)).toEqual([id]);
  });

  it('lists mails newest first', async () => {
    await mailer().send({ ...validMail(), subject: 'first' });
    await mailer().send({ ...validMail(), subject: 'second' });

    expect((await listed()).map((m) => m.subject)).toEqual(['second', 'first']);
  });

  it('a request without the API key is refused with 401 like SendGrid', async () => {
    const { code, errors } = await refused(validMail(), mailer(null));

    expect(code).toBe(401);
    expect({ errors }).toEqual(UNAUTHORIZED);
    expect(await listed()).toEqual([]);
  });

  it('a malformed Authorization header is refused with 401', async () => {
    const res = await post({}, { Authorization: `Basic ${btoa('apikey:' + API_KEY)}` });

    expect(res).toEqual({ status: 401, body: UNAUTHORIZED });
  });

  it('a wrong API key is refused with 401', async () => {
    const { code, errors } = await refused(validMail(), mailer('SG.someone-elses-key'));

    expect(code).toBe(401);
    expect({ errors }).toEqual(UNAUTHORIZED);
  });

  it('a mail without a from address is refused with 400 naming the from field', async () => {
    const { from: _from, ...noFrom } = validMail();
    const { code, errors } = await refused(noFrom as MailDataRequired);

    expect(code).toBe(400);
    expect(errors).toEqual([
      {
        field: 'from.email',
        message:
          'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.',
        help: expect.stringContaining('#message.from'),
      },
    ]);
  });

  it('a mail with both reply_to and reply_to_list is refused with 400', async () => {
    const { code, errors } = await refused({
      ...validMail(),
      replyToList: [{ email: 'team@boutique.example' }],
    });

    expect(code).toBe(400);
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'reply_to',
        message:
          'The reply_to and reply_to_list fields cannot both be set. Please use only one of these fields.',
      }),
    ]);
  });

  it('a mail with a reply_to_list only is accepted and shows its first address as reply-to', async () => {
    const { replyTo: _replyTo, ...mail } = validMail();
    await mailer().send({
      ...mail,
      replyToList: [{ email: 'team@boutique.example' }, { email: 'owner@boutique.example' }],
    } as MailDataRequired);

    expect((await listed())[0]?.replyTo).toBe('team@boutique.example');
  });

  it('a mail without subject or content is refused, each error naming its field', async () => {
    const { code, errors } = await refused({
      to: 'client@example.com',
      from: 'noreply@comptoir.example',
    } as MailDataRequired);

    expect(code).toBe(400);
    expect(errors.map((e) => e.field)).toEqual(['subject', 'content']);
    expect(errors[0]?.message).toBe(
      'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.',
    );
    expect(errors[1]?.message).toMatch(/^Unless a valid template_id is provided, the content/);
  });

  it('a template mail needs neither subject nor content', async () => {
    const [response] = await mailer().send({
      to: 'client@example.com',
      from: 'noreply@comptoir.example',
      templateId: 'd-0123456789abcdef0123456789abcdef',
      dynamicTemplateData: { shop: 'La Boutique' },
    });

    expect(response.statusCode).toBe(202);
    expect((await listed())[0]).toMatchObject({ subject: null, text: null, html: null });
  });

  it('a subject on every personalization replaces the mail subject', async () => {
    const res = await post({
      personalizations: [{ to: [{ email: 'a@example.com' }], subject: 'Per recipient' }],
      from: { email: 'noreply@comptoir.example' },
      content: [{ type: 'text/plain', value: 'Hi' }],
    });

    expect(res.status).toBe(202);
  });

  it('an empty content value is refused naming content.N.value', async () => {
    const res = await post({
      personalizations: [{ to: [{ email: 'a@example.com' }] }],
      from: { email: 'noreply@comptoir.example' },
      subject: 'Hi',
      content: [{ type: 'text/plain', value: '' }],
    });

    expect(res.status).toBe(400);
    expect(res.body?.errors).toEqual([
      expect.objectContaining({
        field: 'content.0.value',
        message: 'The content value must be a string at least one character in length.',
      }),
    ]);
  });

  it('text/plain content after another type is refused', async () => {
    const res = await post({
      personalizations: [{ to: [{ email: 'a@example.com' }] }],
      from: { email: 'noreply@comptoir.example' },
      subject: 'Hi',
      content: [
        { type: 'text/html', value: '<p>Hi</p>' },
        { type: 'text/plain', value: 'Hi' },
      ],
    });

    expect(res.status).toBe(400);
    expect(res.body?.errors.map((e) => e.field)).toEqual(['content']);
  });

  it('an invalid recipient address is refused', async () => {
    const { code, errors } = await refused({ ...validMail(), to: 'not-an-address' });

    expect(code).toBe(400);
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'personalizations.0.to.0.email',
        message: 'Does not contain a valid address.',
      }),
    ]);
  });

  it('invalid from, cc and reply-to addresses are refused, each naming its field', async () => {
    const { errors } = await refused({
      ...validMail(),
      from: 'noreply@',
      cc: 'cc@@example.com',
      replyTo: 'shop at boutique',
    });

    expect(errors.map((e) => e.field).sort()).toEqual([
      'from.email',
      'personalizations.0.cc.0.email',
      'reply_to.email',
    ]);
  });

  it('a personalization without recipients is refused naming personalizations.N.to', async () => {
    const res = await post({
      personalizations: [
        { to: [{ email: 'a@example.com' }] },
        { cc: [{ email: 'b@example.com' }] },
      ],
      from: { email: 'noreply@comptoir.example' },
      subject: 'Hi',
      content: [{ type: 'text/plain', value: 'Hi' }],
    });

    expect(res.status).toBe(400);
    expect(res.body?.errors.map((e) => e.field)).toEqual(['personalizations.1.to']);
  });

  it('a mail without personalizations is refused', async () => {
    const res = await post({
      personalizations: [],
      from: { email: 'noreply@comptoir.example' },
      subject: 'Hi',
      content: [{ type: 'text/plain', value: 'Hi' }],
    });

    expect(res.status).toBe(400);
    expect(res.body?.errors).toEqual([
      expect.objectContaining({
        field: 'personalizations',
        message:
          'The personalizations field is required and must have at least one personalization.',
      }),
    ]);
  });

  it('the same address twice in one personalization is refused', async () => {
    const { errors } = await refused({ ...validMail(), cc: 'CLIENT@example.com' });

    expect(errors).toEqual([expect.objectContaining({ field: 'personalizations.0' })]);
  });

  it('more than 1000 recipients are refused', async () => {
    const to = Array.from({ length: 1001 }, (_, i) => ({ email: `r${i}@example.com` }));
    const { errors } = await refused({ ...validMail(), to });

    expect(errors).toEqual([
      expect.objectContaining({
        field: 'personalizations',
        message: 'There is a limit of 1000 total recipients (to + cc + bcc) per request.',
      }),
    ]);
  });

  it('more than 10 categories, oversized custom_args and non-string headers are refused', async () => {
    const { errors } = await refused({
      ...validMail(),
      categories: Array.from({ length: 11 }, (_, i) => `c${i}`),
      customArgs: { big: 'x'.repeat(10001) },
      headers: { 'X-Shop': 42 as unknown as string },
    });

    expect(errors.map((e) => e.field).sort()).toEqual([
      'categories',
      'custom_args',
      'headers.X-Shop',
    ]);
  });

  it('a subject longer than 998 characters is refused', async () => {
    const { errors } = await refused({ ...validMail(), subject: 's'.repeat(999) });

    expect(errors.map((e) => e.field)).toEqual(['subject']);
  });

  it('a body that is not JSON is refused with 400 Bad Request', async () => {
    const res = await post('{"personalizations": [');

    expect(res).toEqual({
      status: 400,
      body: { errors: [{ message: 'Bad Request', field: null, help: null }] },
    });
  });

  it('a body over 30 MB is refused with 413', async () => {
    const res = await post('x'.repeat(30 * 1024 * 1024 + 1));

    expect(res.status).toBe(413);
    expect(res.body?.errors[0]).toEqual(
      expect.objectContaining({ field: null, message: expect.any(String) }),
    );
  });

  it('the credentials are checked before the body', async () => {
    const res = await post('not json', { Authorization: 'Bearer SG.wrong' });

    expect(res.status).toBe(401);
  });

  it('sandbox mode validates and answers 200 without storing the mail', async () => {
    const [response] = await mailer().send({
      ...validMail(),
      mailSettings: { sandboxMode: { enable: true } },
    });

    expect(response.statusCode).toBe(200);
    expect(await listed()).toEqual([]);
  });
});

describe('outbox pages', () => {
  it('shows an empty state when no mail was sent', async () => {
    const { status, html } = await page('/');

    expect(status).toBe(200);
    expect(html).toContain('<title>Comptoir outbox</title>');
    expect(html).toContain('No mail yet. Mail sent by the functions in emulator mode lands here.');
  });

  it('the outbox page lists the mail and the message page shows its text, escaped', async () => {
    const [response] = await mailer().send({
      ...validMail(),
      subject: 'Order <b>#42</b> & "more"',
      text: 'Click <script>alert(1)</script> & done',
      html: undefined,
    } as MailDataRequired);
    const id = response.headers['x-message-id'] as string;

    const outbox = await page('/');
    expect(outbox.type).toMatch(/^text\/html/);
    expect(outbox.html).toContain(`href="/messages/${id}"`);
    expect(outbox.html).toContain('Order &lt;b&gt;#42&lt;/b&gt; &amp; &quot;more&quot;');
    expect(outbox.html).toContain('client@example.com');
    expect(outbox.html).toContain('shop@boutique.example');
    expect(outbox.html).not.toContain('<b>#42</b>');

    const message = await page(`/messages/${id}`);
    expect(message.status).toBe(200);
    expect(message.html).toContain(
      '<pre>Click &lt;script&gt;alert(1)&lt;/script&gt; &amp; done</pre>',
    );
    expect(message.html).not.toContain('<script>');
    for (const label of ['From', 'To', 'Cc', 'Reply-To', 'Subject', 'Received', 'Message ID']) {
      expect(message.html).toContain(`<th scope="row">${label}</th>`);
    }
    expect(message.html).toContain('Comptoir &lt;noreply@comptoir.example&gt;');
    expect(message.html).toMatch(/<details[^>]*><summary>Raw request JSON<\/summary><pre>\{/);
  });

  it('html content is shown in a sandboxed frame, never inline', async () => {
    const [response] = await mailer().send({
      ...validMail(),
      html: '<p id="inline-check" onclick="steal()">It\'s "here"</p><script>alert(1)</script>',
    });
    const id = response.headers['x-message-id'] as string;

    const { html } = await page(`/messages/${id}`);

    expect(html).toContain(
      '<iframe sandbox="" referrerpolicy="no-referrer" title="HTML part" srcdoc="&lt;p id=&quot;inline-check&quot; onclick=&quot;steal()&quot;&gt;It&#39;s &quot;here&quot;&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    );
    expect(html).not.toContain('<p id="inline-check"');
    expect(html).not.toContain('<script>');
    expect(html.match(/<iframe/g)).toHaveLength(1);
  });

  it('an unknown message id answers 404 on the page and the API', async () => {
    expect((await page('/messages/nope')).status).toBe(404);
    expect((await fetch(`${sink.url}/api/messages/nope`)).status).toBe(404);
  });

  it('clearing the outbox empties the list', async () => {
    await mailer().send(validMail());
    expect(await listed()).toHaveLength(1);

    const res = await fetch(`${sink.url}/api/messages`, { method: 'DELETE' });

    expect(res.status).toBe(204);
    expect(await listed()).toEqual([]);
    expect((await page('/')).html).toContain('No mail yet.');
  });
});

describe('storage', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mail-sink-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a store file keeps the outbox across a restart', async () => {
    const store = path.join(dir, 'outbox.jsonl');
    const first = await startMailSink({ port: 0, apiKey: API_KEY, store });
    const [response] = await mailer(API_KEY, first.url).send(validMail());
    await first.close();

    const second = await startMailSink({ port: 0, apiKey: API_KEY, store });
    try {
      expect(second.messages().map((m) => m.id)).toEqual([response.headers['x-message-id']]);
      expect(second.messages()[0]?.request.subject).toBe('New message from your shop');
    } finally {
      await second.close();
    }
  });

  it('keeps only the last 500 mails', async () => {
    const store = path.join(dir, 'capped.jsonl');
    const capped = await startMailSink({ port: 0, apiKey: API_KEY, store });
    try {
      const mail = mailer(API_KEY, capped.url);
      for (let i = 0; i < 502; i += 1) await mail.send({ ...validMail(), subject: `mail ${i}` });

      const subjects = capped.messages().map((m) => m.subject);
      expect(subjects).toHaveLength(500);
      expect(subjects[0]).toBe('mail 501');
      expect(subjects.at(-1)).toBe('mail 2');
    } finally {
      await capped.close();
    }

    const reopened = await startMailSink({ port: 0, apiKey: API_KEY, store });
    try {
      expect(reopened.messages()).toHaveLength(500);
    } finally {
      await reopened.close();
    }
  });
});
