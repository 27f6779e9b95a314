/**
 * Reading a shopper's emailed answer: which conversation it belongs to (the token in the
 * reply address), who sent it, and only what they wrote — without the quoted history and
 * the signature mail clients add. Pure, so every rule is unit-tested.
 */

/** `reply+<token>@domain`: the token is 43 characters of base64url (32 random bytes). */
const REPLY_ADDRESS = /reply\+([A-Za-z0-9_-]{43})@/;

export function replyTokenFrom(...recipients: (string | undefined)[]): string | null {
  for (const r of recipients) {
    const match = r ? REPLY_ADDRESS.exec(r) : null;
    if (match) return match[1]!;
  }
  return null;
}

/** The bare address of `Name <a@b.c>` or `a@b.c`, lower-cased; null if there is none. */
export function emailAddressOf(from: string | undefined): string | null {
  if (!from) return null;
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(from);
  const bare = angle?.[1] ?? /([^\s<>"',;]+@[^\s<>"',;]+)/.exec(from)?.[1];
  return bare ? bare.toLowerCase() : null;
}

// Lines where the quoted history begins, in the wordings of common mail clients.
const QUOTE_HEADERS = [
  /^On .+wrote:\s*$/i, // Gmail, Apple Mail (English)
  /^Le .+a écrit\s*:\s*$/i, // French
  /^Am .+schrieb .+:\s*$/i, // German
  /^El .+escribió:\s*$/i, // Spanish
  /^-{2,}\s*Original Message\s*-{2,}$/i, // Outlook
  /^-{2,}\s*Message d'origine\s*-{2,}$/i,
  /^_{10,}$/, // Outlook's rule above "From:"
  /^From:\s.+$/i, // Outlook without a rule
  /^De\s?:\s.+$/i,
];
// Where a signature begins.
const SIGNATURES = [
  /^--\s?$/, // the standard delimiter "-- "
  /^Sent from my .+$/i,
  /^Envoyé de mon .+$/i,
  /^Get Outlook for .+$/i,
];

/** What the shopper wrote above the quoted history and signature, trimmed. */
export function stripQuotedReply(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    const trimmed = line.trim();
    // Gmail wraps a long "On … wrote:" over two lines.
    const joined = `${trimmed} ${lines[i + 1]?.trim() ?? ''}`;
    if (QUOTE_HEADERS.some((re) => re.test(trimmed) || re.test(joined))) break;
    if (SIGNATURES.some((re) => re.test(line))) break;
    if (trimmed.startsWith('>')) break;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A crude but safe text version of an HTML-only email (tags dropped, entities decoded). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<blockquote[\s\S]*$/i, '') // quoted history, as Gmail sends it
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
