// SendGrid v3 `POST /v3/mail/send` body validation, as a pure function.
//
// The sink exists so that code which works against the local sink also works against the real
// API: a mail SendGrid would refuse must be refused here too, with the same status, the same
// `field` names and messages in SendGrid's wording. Messages follow SendGrid's error reference
// (https://www.twilio.com/docs/sendgrid/api-reference/mail-send/errors); `help` links use the
// anchors the live API still returns.

/** @typedef {{ message: string, field: string | null, help: string | null }} SendGridError */

const HELP = 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html';

export const LIMITS = Object.freeze({
  personalizations: 1000,
  recipients: 1000,
  replyToList: 1000,
  categories: 10,
  categoryLength: 255,
  customArgsBytes: 10000,
  // SendGrid documents no subject limit; 998 characters is the RFC 5322 line limit, a sane
  // upper bound that catches a body or a template pasted into the subject by mistake.
  subjectLength: 998,
});

// SendGrid builds these headers itself and refuses a mail that tries to set them.
const RESERVED_HEADERS = new Set([
  'x-sg-id',
  'x-sg-eid',
  'received',
  'dkim-signature',
  'content-type',
  'content-transfer-encoding',
  'to',
  'from',
  'subject',
  'reply-to',
  'cc',
  'bcc',
]);

// A pragmatic address check: dot-atom local part, an `@`, and a domain of at least two labels.
// SendGrid rejects `user@localhost`, quoted local parts and display-name forms in `email`; it
// accepts internationalised domains, hence the Unicode letter classes.
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/**
 * @param {unknown} value
 * @returns {boolean}
 */
export function isValidEmail(value) {
  if (typeof value !== 'string' || value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at < 1 || at > 64) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  return (
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    // The top-level domain is never all digits (that would be an IP address).
    !/^\d+$/.test(labels[labels.length - 1] ?? '')
  );
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON-schema type name, as SendGrid words its "Invalid type" errors.
 * @param {unknown} value
 */
function typeName(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * @param {string} expected
 * @param {unknown} value
 */
function invalidType(expected, value) {
  return `Invalid type. Expected: ${expected}, given: ${typeName(value)}.`;
}

/**
 * @param {unknown} value
 * @returns {value is string}
 */
function isNonEmptyString(value) {
  return typeof value === 'string' && value.length > 0;
}

/** @param {unknown} value */
function byteLength(value) {
  return Buffer.byteLength(JSON.stringify(value ?? {}), 'utf8');
}

/**
 * Validates a `POST /v3/mail/send` body the way SendGrid does.
 *
 * Returns every problem found (SendGrid also reports several at once), an empty list when the
 * mail would be accepted.
 *
 * @param {unknown} body the parsed JSON body
 * @returns {SendGridError[]}
 */
export function validateMailSend(body) {
  /** @type {SendGridError[]} */
  const errors = [];
  /**
   * @param {string | null} field
   * @param {string} message
   * @param {string | null} [anchor] anchor in SendGrid's error reference
   */
  const fail = (field, message, anchor = null) => {
    errors.push({ message, field, help: anchor ? `${HELP}#${anchor}` : null });
  };

  if (!isObject(body)) {
    fail(null, invalidType('object', body));
    return errors;
  }

  const templateId = body.template_id;
  if (templateId !== undefined && !isNonEmptyString(templateId)) {
    fail('template_id', 'The template_id must be a valid template ID.', 'message.template_id');
  }
  const hasTemplate = isNonEmptyString(templateId);

  const everyPersonalizationHasSubject = validatePersonalizations(body, fail);
  validateAddress(body.from, 'from', fail, {
    required: true,
    missing:
      'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.',
    invalid: 'The from email does not contain a valid address.',
    anchor: 'message.from',
  });
  validateReplyTo(body, fail);
  validateSubject(body, fail, hasTemplate || everyPersonalizationHasSubject);
  validateContent(body, fail, hasTemplate);
  validateHeaders(body.headers, 'headers', fail);
  validateCategories(body.categories, fail);
  validateStringMap(body.custom_args, 'custom_args', fail, 'message.custom_args');
  validateAttachments(body.attachments, fail);
  if (body.send_at !== undefined && !Number.isInteger(body.send_at)) {
    fail('send_at', invalidType('integer', body.send_at), 'message.send_at');
  }
  if (body.asm !== undefined) {
    if (!isObject(body.asm)) fail('asm', invalidType('object', body.asm), 'message.asm');
    else if (!Number.isInteger(body.asm.group_id)) {
      fail('asm.group_id', 'The asm.group_id is required and must be an integer.', 'message.asm');
    }
  }

  // The custom_args limit covers what ends up on each message: the mail-wide arguments plus
  // those of its personalization.
  if (Array.isArray(body.personalizations)) {
    const shared = isObject(body.custom_args) ? byteLength(body.custom_args) : 0;
    const personal = body.personalizations.map((p) =>
      isObject(p) && isObject(p.custom_args) ? byteLength(p.custom_args) : 0,
    );
    if (shared + Math.max(0, ...personal) > LIMITS.customArgsBytes) {
      fail(
        'custom_args',
        `The custom_args parameter is limited to ${LIMITS.customArgsBytes} bytes in total, including the custom_args of each personalization.`,
        'message.custom_args',
      );
    }
  }

  return errors;
}

/**
 * @typedef {(field: string | null, message: string, anchor?: string | null) => void} Fail
 */

/**
 * @param {Record<string, unknown>} body
 * @param {Fail} fail
 * @returns {boolean} whether every personalization carries its own non-empty subject
 */
function validatePersonalizations(body, fail) {
  const list = body.personalizations;
  if (!Array.isArray(list) || list.length === 0) {
    fail(
      'personalizations',
      'The personalizations field is required and must have at least one personalization.',
      '-Personalizations-Errors',
    );
    return false;
  }
  if (list.length > LIMITS.personalizations) {
    fail(
      'personalizations',
      `The personalization block is limited to ${LIMITS.personalizations} personalizations per API request. You have provided ${list.length} personalizations. Please consider splitting this into multiple requests and resending your request.`,
      '-Personalizations-Errors',
    );
  }

  let recipients = 0;
  let everyHasSubject = true;
  list.forEach((p, i) => {
    const at = `personalizations.${i}`;
    if (!isObject(p)) {
      fail(at, invalidType('object', p));
      everyHasSubject = false;
      return;
    }

    /** @type {Map<string, string>} lower-cased address → first field holding it */
    const seen = new Map();
    let duplicateReported = false;
    for (const kind of /** @type {const} */ (['to', 'cc', 'bcc'])) {
      const entries = p[kind];
      if (entries === undefined && kind !== 'to') continue;
      if (!Array.isArray(entries) || entries.length === 0) {
        fail(
          `${at}.${kind}`,
          kind === 'to'
            ? 'The to array is required for all personalization objects, and must have at least one email object with a valid email address.'
            : `The ${kind} array, when used, must at least have an email parameter with a valid email address and it may also contain a name parameter. e.g. {"email" : "example@example.com"} or {"email" : "example@example.com", "name" : "Example Recipient"}.`,
          `message.personalizations.${kind}`,
        );
        continue;
      }
      recipients += entries.length;
      entries.forEach((entry, j) => {
        const field = `${at}.${kind}.${j}`;
        if (!isObject(entry)) {
          fail(field, invalidType('object', entry), `message.personalizations.${kind}`);
          return;
        }
        if (entry.name !== undefined && typeof entry.name !== 'string') {
          fail(`${field}.name`, invalidType('string', entry.name));
        }
        if (entry.email === undefined || entry.email === '') {
          fail(
            `${field}.email`,
            `The ${kind} email parameter is required.`,
            `message.personalizations.${kind}`,
          );
          return;
        }
        if (!isValidEmail(entry.email)) {
          fail(
            `${field}.email`,
            'Does not contain a valid address.',
            `message.personalizations.${kind}`,
          );
          return;
        }
        const key = String(entry.email).toLowerCase();
        if (seen.has(key) && !duplicateReported) {
          // SendGrid reports only the first duplicate of a personalization.
          duplicateReported = true;
          fail(
            at,
            `Each email address in the personalization block should be unique between to, cc, and bcc. We found the first duplicate instance of [${entry.email}] in the ${at}.${kind} field.`,
            'message.recipient_errors',
          );
        }
        if (!seen.has(key)) seen.set(key, `${at}.${kind}`);
      });
    }

    if (p.from !== undefined) {
      validateAddress(p.from, `${at}.from`, fail, {
        required: true,
        missing: 'The from object in a personalization requires the email parameter.',
        invalid: 'The from email does not contain a valid address.',
        anchor: 'message.from',
      });
    }
    if (p.subject !== undefined) {
      checkSubjectValue(p.subject, `${at}.subject`, fail);
    }
    if (!isNonEmptyString(p.subject)) everyHasSubject = false;
    validateHeaders(p.headers, `${at}.headers`, fail);
    validateStringMap(p.substitutions, `${at}.substitutions`, fail, 'message.personalizations');
    validateStringMap(p.custom_args, `${at}.custom_args`, fail, 'message.custom_args');
    if (p.dynamic_template_data !== undefined && !isObject(p.dynamic_template_data)) {
      fail(`${at}.dynamic_template_data`, invalidType('object', p.dynamic_template_data));
    }
    if (p.send_at !== undefined && !Number.isInteger(p.send_at)) {
      fail(`${at}.send_at`, invalidType('integer', p.send_at), 'message.send_at');
    }
  });

  if (recipients > LIMITS.recipients) {
    fail(
      'personalizations',
      `There is a limit of ${LIMITS.recipients} total recipients (to + cc + bcc) per request.`,
      '-Personalizations-Errors',
    );
  }
  return everyHasSubject;
}

/**
 * Checks an `{ email, name? }` object.
 *
 * @param {unknown} value
 * @param {string} at field path of the object
 * @param {Fail} fail
 * @param {{ required: boolean, missing: string, invalid: string, anchor: string }} words
 */
function validateAddress(value, at, fail, { required, missing, invalid, anchor }) {
  if (value === undefined || value === null) {
    if (required) fail(`${at}.email`, missing, anchor);
    return;
  }
  if (!isObject(value) || value.email === undefined || value.email === '') {
    fail(`${at}.email`, missing, anchor);
    return;
  }
  if (!isValidEmail(value.email)) fail(`${at}.email`, invalid, anchor);
  if (value.name !== undefined && typeof value.name !== 'string') {
    fail(`${at}.name`, invalidType('string', value.name), anchor);
  }
}

/**
 * @param {Record<string, unknown>} body
 * @param {Fail} fail
 */
function validateReplyTo(body, fail) {
  const hasReplyTo = body.reply_to !== undefined && body.reply_to !== null;
  const hasList = body.reply_to_list !== undefined && body.reply_to_list !== null;
  if (hasReplyTo && hasList) {
    fail(
      'reply_to',
      'The reply_to and reply_to_list fields cannot both be set. Please use only one of these fields.',
      'message.reply_to',
    );
  }
  if (hasReplyTo) {
    validateAddress(body.reply_to, 'reply_to', fail, {
      required: true,
      missing:
        'The reply_to parameter is an object that requires the email parameter, but may also contain a name parameter.',
      invalid: 'The reply_to email does not contain a valid address.',
      anchor: 'message.reply_to',
    });
  }
  if (!hasList) return;
  const list = body.reply_to_list;
  if (!Array.isArray(list) || list.length === 0) {
    fail(
      'reply_to_list',
      'The reply_to_list, when used, must be an array of at least one object with a valid email address.',
      'message.reply_to_list',
    );
    return;
  }
  if (list.length > LIMITS.replyToList) {
    fail(
      'reply_to_list',
      `The reply_to_list is limited to ${LIMITS.replyToList} addresses. You have provided ${list.length}.`,
      'message.reply_to_list',
    );
  }
  list.forEach((entry, j) => {
    validateAddress(entry, `reply_to_list.${j}`, fail, {
      required: true,
      missing: 'Each reply_to_list entry is an object that requires the email parameter.',
      invalid: 'Does not contain a valid address.',
      anchor: 'message.reply_to_list',
    });
  });
}

/**
 * @param {unknown} subject
 * @param {string} at
 * @param {Fail} fail
 */
function checkSubjectValue(subject, at, fail) {
  if (typeof subject !== 'string') {
    fail(at, invalidType('string', subject), 'message.subject');
  } else if (subject.length === 0) {
    fail(at, 'The subject of your email must be a string at least one character in length.');
  } else if (subject.length > LIMITS.subjectLength) {
    fail(
      at,
      `The subject of your email must not be longer than ${LIMITS.subjectLength} characters.`,
      'message.subject',
    );
  }
}

/**
 * @param {Record<string, unknown>} body
 * @param {Fail} fail
 * @param {boolean} covered whether a template or every personalization supplies the subject
 */
function validateSubject(body, fail, covered) {
  const { subject } = body;
  if (subject === undefined || subject === null || subject === '') {
    if (!covered) {
      fail(
        'subject',
        'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.',
        'message.subject',
      );
    }
    return;
  }
  checkSubjectValue(subject, 'subject', fail);
}

/**
 * @param {Record<string, unknown>} body
 * @param {Fail} fail
 * @param {boolean} hasTemplate a template supplies the content
 */
function validateContent(body, fail, hasTemplate) {
  const { content } = body;
  if (content === undefined || content === null || (Array.isArray(content) && !content.length)) {
    if (!hasTemplate) {
      fail(
        'content',
        'Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.',
        'message.content',
      );
    }
    return;
  }
  if (!Array.isArray(content)) {
    fail('content', invalidType('array', content), 'message.content');
    return;
  }
  content.forEach((block, i) => {
    const at = `content.${i}`;
    if (!isObject(block)) {
      fail(at, invalidType('object', block), 'message.content');
      return;
    }
    if (!isNonEmptyString(block.type)) {
      fail(
        `${at}.type`,
        'The content type must be a string at least one character in length.',
        'message.content.type',
      );
    }
    if (!isNonEmptyString(block.value)) {
      fail(
        `${at}.value`,
        'The content value must be a string at least one character in length.',
        'message.content.value',
      );
    }
    if (i > 0 && block.type === 'text/plain') {
      fail(
        'content',
        'If present, text/plain must be first, followed by text/html, followed by any other content.',
        'message.content',
      );
    }
  });
}

/**
 * @param {unknown} headers
 * @param {string} at
 * @param {Fail} fail
 */
function validateHeaders(headers, at, fail) {
  if (headers === undefined) return;
  if (!isObject(headers)) {
    fail(at, invalidType('object', headers), 'message.headers');
    return;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string') {
      fail(`${at}.${name}`, invalidType('string', value), 'message.headers');
    }
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      fail(
        at,
        `The header ${name} is reserved and cannot be set. You may not overwrite the following reserved headers: x-sg-id, x-sg-eid, received, dkim-signature, Content-Type, Content-Transfer-Encoding, To, From, Subject, Reply-To, CC, BCC.`,
        'message.headers',
      );
    }
  }
}

/**
 * `custom_args` and `substitutions` map names to string values.
 *
 * @param {unknown} map
 * @param {string} at
 * @param {Fail} fail
 * @param {string} anchor
 */
function validateStringMap(map, at, fail, anchor) {
  if (map === undefined) return;
  if (!isObject(map)) {
    fail(at, invalidType('object', map), anchor);
    return;
  }
  for (const [name, value] of Object.entries(map)) {
    if (typeof value !== 'string') fail(`${at}.${name}`, invalidType('string', value), anchor);
  }
}

/**
 * @param {unknown} categories
 * @param {Fail} fail
 */
function validateCategories(categories, fail) {
  if (categories === undefined) return;
  if (!Array.isArray(categories)) {
    fail('categories', invalidType('array', categories), 'message.categories');
    return;
  }
  if (categories.length > LIMITS.categories) {
    fail(
      'categories',
      `You may not have more than ${LIMITS.categories} categories per request.`,
      'message.categories',
    );
  }
  categories.forEach((category, i) => {
    if (typeof category !== 'string') {
      fail(`categories.${i}`, invalidType('string', category), 'message.categories');
    } else if (category.length > LIMITS.categoryLength) {
      fail(
        `categories.${i}`,
        `A category cannot have more than ${LIMITS.categoryLength} characters.`,
        'message.categories',
      );
    }
  });
}

/**
 * @param {unknown} attachments
 * @param {Fail} fail
 */
function validateAttachments(attachments, fail) {
  if (attachments === undefined) return;
  if (!Array.isArray(attachments)) {
    fail('attachments', invalidType('array', attachments), 'message.attachments');
    return;
  }
  attachments.forEach((attachment, i) => {
    const at = `attachments.${i}`;
    if (!isObject(attachment)) {
      fail(at, invalidType('object', attachment), 'message.attachments');
      return;
    }
    if (!isNonEmptyString(attachment.content)) {
      fail(
        `${at}.content`,
        'The attachment content is required and must be a Base64 encoded string.',
        'message.attachments.content',
      );
    } else if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(attachment.content)) {
      fail(
        `${at}.content`,
        'The attachment content must be base64 encoded.',
        'message.attachments.content',
      );
    }
    if (!isNonEmptyString(attachment.filename)) {
      fail(
        `${at}.filename`,
        'The attachment filename parameter is required.',
        'message.attachments.filename',
      );
    }
    if (attachment.disposition === 'inline' && !isNonEmptyString(attachment.content_id)) {
      fail(
        `${at}.content_id`,
        'The content_id parameter is required if your attachment has an inline disposition.',
        'message.attachments.content_id',
      );
    }
  });
}
