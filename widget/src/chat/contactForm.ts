/**
 * The offline contact form: shown when nobody can chat (offline, or the store is full).
 * Fields and which are required come from the merchant's settings; each field is checked
 * as the shopper leaves it and again on submit, with the same rules the server applies,
 * and the server's per-field answers are shown in the same places.
 */
import {
  CONTACT_FIELDS,
  contactFieldLimit,
  contactFieldProblem,
  widgetText,
  type ContactField,
  type ContactFieldProblem,
  type WidgetSettings,
  type WidgetTexts,
} from '@comptoir/core';
import { applyColors } from './theme';

export interface ContactFormOptions {
  lang: string;
  texts: WidgetTexts;
  settings: WidgetSettings;
  closable: boolean;
  /** Shown above the form, e.g. why the chat is not available. */
  notice?: string;
  onSubmit(fields: Record<string, string>, honeypot: string): Promise<SubmitOutcome>;
  onClose(): void;
  /** Buttons above the form: what a shopper can still do alone ("Where is my order?"). */
  quickActions?: HTMLElement[];
}

export type SubmitOutcome =
  { ok: true } | { ok: false; message: string; fields?: Record<string, string> };

const PROBLEM_KEYS = {
  required: 'errorRequired',
  'not-text': 'errorNotText',
  'too-long': 'errorTooLong',
  email: 'errorEmail',
  phone: 'errorPhone',
} as const satisfies Record<ContactFieldProblem, string>;

const INPUT_TYPES: Record<ContactField, string> = {
  firstName: 'text',
  lastName: 'text',
  email: 'email',
  phone: 'tel',
  message: 'textarea',
};
const AUTOCOMPLETE: Record<ContactField, string> = {
  firstName: 'given-name',
  lastName: 'family-name',
  email: 'email',
  phone: 'tel',
  message: 'off',
};

export function renderContactForm(root: HTMLElement, options: ContactFormOptions) {
  const { lang, texts, settings } = options;
  const t = (key: Parameters<typeof widgetText>[1], params?: Record<string, string | number>) =>
    widgetText(lang, key, params);
  const fieldSettings = settings.offlineForm.fields;
  const h = document.createElement.bind(document);
  // The form's header has its own colors; stores saved before they existed use the chat's.
  applyColors(root, { ...settings.colors, ...settings.offlineForm.colors });

  const header = h('header');
  header.className = 'chat-header';
  const titles = h('div');
  titles.className = 'titles';
  const title = h('h1');
  title.textContent = texts.header;
  titles.append(title);
  header.append(titles);
  if (options.closable) {
    const close = h('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = '×';
    close.setAttribute('aria-label', t('close'));
    close.addEventListener('click', options.onClose);
    header.append(close);
  }

  const body = h('main');
  body.className = 'thread form-body';
  // Why the chat is not available (e.g. the store is full) says more than the merchant's
  // generic "we are away" text, so it takes its place.
  const intro = h('p');
  intro.className = options.notice ? 'form-notice' : 'form-intro';
  intro.textContent = options.notice ?? texts.welcome;
  body.append(intro);
  // With nobody to chat with, a shopper may still only want their order's status.
  const panel = h('div');
  panel.className = 'panel';
  if (options.quickActions?.length) {
    const actions = h('div');
    actions.className = 'quick-actions';
    actions.append(...options.quickActions);
    body.append(actions, panel);
  }

  const form = h('form');
  form.className = 'contact-form';
  form.noValidate = true; // our messages, in the shopper's language, not the browser's
  const inputs = new Map<ContactField, HTMLInputElement | HTMLTextAreaElement>();
  const errors = new Map<ContactField, HTMLElement>();

  for (const name of CONTACT_FIELDS) {
    const setting = fieldSettings[name];
    if (!setting.requested) continue;
    const id = `contact-${name}`;
    const wrapper = h('div');
    wrapper.className = 'field';
    const label = h('label');
    label.htmlFor = id;
    label.textContent = t(name);
    if (!setting.required) {
      const optional = h('span');
      optional.className = 'optional';
      optional.textContent = ` (${t('optional')})`;
      label.append(optional);
    }
    const input = INPUT_TYPES[name] === 'textarea' ? h('textarea') : h('input');
    if (input instanceof HTMLInputElement) input.type = INPUT_TYPES[name];
    else input.rows = 4;
    input.id = id;
    input.name = name;
    input.autocomplete = AUTOCOMPLETE[name] as AutoFill;
    input.required = setting.required;
    const error = h('p');
    error.className = 'field-error';
    error.id = `${id}-error`;
    input.setAttribute('aria-describedby', error.id);
    input.addEventListener('blur', () => check(name));
    // A shown error clears as soon as the value is fixed, not on blur: clearing it on blur
    // would shift the Send button away from under the pointer mid-click.
    input.addEventListener('input', () => {
      if (input.getAttribute('aria-invalid') === 'true') check(name);
    });
    wrapper.append(label, input, error);
    form.append(wrapper);
    inputs.set(name, input);
    errors.set(name, error);
  }

  // Honeypot: invisible to people and to assistive technology; bots fill it in.
  const trap = h('input');
  trap.name = 'website';
  trap.tabIndex = -1;
  trap.autocomplete = 'off';
  trap.className = 'trap';
  trap.setAttribute('aria-hidden', 'true');
  form.append(trap);

  const status = h('p');
  status.className = 'error';
  status.setAttribute('role', 'alert');
  const submit = h('button');
  submit.type = 'submit';
  submit.className = 'send wide';
  submit.textContent = t('sendForm');
  form.append(status, submit);
  body.append(form);

  const footer = h('footer');
  footer.className = 'powered';
  footer.textContent = t('poweredBy');
  root.replaceChildren(header, body, footer);
  root.removeAttribute('aria-busy');

  function showError(name: string, message: string | null) {
    const field = name as ContactField;
    const error = errors.get(field);
    const input = inputs.get(field);
    if (!error || !input) return;
    error.textContent = message ?? '';
    input.setAttribute('aria-invalid', String(Boolean(message)));
  }

  function check(name: ContactField): boolean {
    const problem = contactFieldProblem(name, inputs.get(name)!.value, fieldSettings[name]);
    showError(name, problem && t(PROBLEM_KEYS[problem], { max: contactFieldLimit(name) }));
    return problem === null;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = '';
    const valid = [...inputs.keys()].map(check).every(Boolean);
    if (!valid) {
      [...inputs.values()].find((i) => i.getAttribute('aria-invalid') === 'true')?.focus();
      return;
    }
    const fields = Object.fromEntries([...inputs].map(([name, input]) => [name, input.value]));
    submit.disabled = true;
    submit.textContent = t('sending');
    const outcome = await options.onSubmit(fields, trap.value);
    submit.disabled = false;
    submit.textContent = t('sendForm');
    if (outcome.ok) {
      const done = h('p');
      done.className = 'form-sent';
      done.setAttribute('role', 'status');
      done.textContent = t('formSent');
      form.replaceWith(done);
      return;
    }
    status.textContent = outcome.message;
    for (const [name, message] of Object.entries(outcome.fields ?? {})) showError(name, message);
  });

  return {
    focus: () => inputs.values().next().value?.focus(),
    /** Shows the panel a quick action opened, or removes it (null). */
    setPanel(node: HTMLElement | null) {
      panel.replaceChildren(...(node ? [node] : []));
      if (node) node.scrollIntoView({ block: 'nearest' });
    },
  };
}
