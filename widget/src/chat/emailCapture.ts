/**
 * "Get our answer by email": a small card in the thread after the shopper's first message,
 * so an answer that comes after they leave still reaches them. Optional, dismissible,
 * checked with the same rules as the server, and said once: the choice is remembered.
 */
import { validateShopperContact, widgetText } from '@comptoir/core';

export interface EmailCaptureOptions {
  lang: string;
  /** The merchant's pre-chat form: shown before the first message. */
  preChat?: boolean;
  /** Required: no "No thanks", and the chat waits for it. */
  required?: boolean;
  onSave(contact: {
    email: string;
    name: string | null;
  }): Promise<{ ok: boolean; message?: string }>;
  onDismiss(): void;
}

export function renderEmailCapture(options: EmailCaptureOptions): HTMLElement {
  const t = (key: Parameters<typeof widgetText>[1], params?: Record<string, string>) =>
    widgetText(options.lang, key, params);
  const h = document.createElement.bind(document);

  const card = h('section');
  card.className = 'ask-email';
  card.setAttribute('aria-labelledby', 'ask-email-title');
  const title = h('h2');
  title.id = 'ask-email-title';
  title.textContent = t(options.preChat ? 'preChatTitle' : 'askEmailTitle');
  const intro = h('p');
  intro.textContent = t(options.preChat ? 'preChatText' : 'askEmailText');

  const field = (id: string, label: string, type: string, autocomplete: string) => {
    const wrap = h('div');
    wrap.className = 'ask-field';
    const l = h('label');
    l.htmlFor = id;
    l.textContent = label;
    const input = h('input');
    Object.assign(input, { id, type, autocomplete, maxLength: 254 });
    wrap.append(l, input);
    return { wrap, input };
  };
  const email = field('ask-email', t('email'), 'email', 'email');
  const name = field('ask-name', `${t('name')} (${t('optional')})`, 'text', 'name');
  const error = h('p');
  error.className = 'ask-error';
  error.id = 'ask-email-error';
  error.setAttribute('role', 'alert');
  email.input.setAttribute('aria-describedby', 'ask-email-error');
  // A correction clears the complaint at once rather than on the next click.
  email.input.addEventListener('input', () => {
    error.textContent = '';
    email.input.removeAttribute('aria-invalid');
  });

  const save = h('button');
  save.type = 'submit';
  save.className = 'ask-save';
  save.textContent = t(options.preChat ? 'preChatSave' : 'askEmailSave');
  const dismiss = h('button');
  dismiss.type = 'button';
  dismiss.className = 'ask-dismiss';
  dismiss.textContent = t('askEmailDismiss');
  dismiss.addEventListener('click', () => options.onDismiss());
  const consent = h('p');
  consent.className = 'ask-consent';
  consent.textContent = t('askEmailConsent');

  const actions = h('div');
  actions.className = 'ask-actions';
  actions.append(...(options.required ? [save] : [save, dismiss]));
  const form = h('form');
  form.noValidate = true;
  form.append(email.wrap, name.wrap, error, actions, consent);
  card.append(title, intro, form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const checked = validateShopperContact({ email: email.input.value, name: name.input.value });
    if (!checked.ok) {
      error.textContent = checked.fields.email ? t('errorEmail') : checked.message;
      email.input.setAttribute('aria-invalid', String(Boolean(checked.fields.email)));
      (checked.fields.email ? email.input : name.input).focus();
      return;
    }
    save.disabled = true;
    error.textContent = '';
    const outcome = await options.onSave(checked.value);
    save.disabled = false;
    if (!outcome.ok) {
      error.textContent = outcome.message ?? t('formFailed');
      return;
    }
    const done = h('p');
    done.className = 'ask-saved';
    done.setAttribute('role', 'status');
    done.textContent = t('askEmailSaved', { email: checked.value.email });
    card.replaceChildren(done);
  });
  return card;
}
