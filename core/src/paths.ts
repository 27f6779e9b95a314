/**
 * Firestore paths, built in one place so that rules, functions and both apps agree on
 * the shape of the tree. Components never concatenate path strings themselves.
 */

export const STORES = 'stores';

/** `stores/{storeId}`: the store's private settings (members only). */
export const storePath = (storeId: string) => `${STORES}/${storeId}`;

/** `stores/{storeId}/members/{uid}`: one operator of the store. */
export const membersPath = (storeId: string) => `${storePath(storeId)}/members`;
export const memberPath = (storeId: string, uid: string) => `${membersPath(storeId)}/${uid}`;

/** `stores/{storeId}/public/{docId}`: what the widget may read without being a member. */
export const publicPath = (storeId: string) => `${storePath(storeId)}/public`;
export const PUBLIC_WIDGET = 'widget';
export const PUBLIC_AVAILABILITY = 'availability';
export const widgetSettingsPath = (storeId: string) => `${publicPath(storeId)}/${PUBLIC_WIDGET}`;
export const availabilityPath = (storeId: string) =>
  `${publicPath(storeId)}/${PUBLIC_AVAILABILITY}`;

/** `stores/{storeId}/conversations/{conversationId}`: one live thread with one shopper. */
export const conversationsPath = (storeId: string) => `${storePath(storeId)}/conversations`;
export const conversationPath = (storeId: string, conversationId: string) =>
  `${conversationsPath(storeId)}/${conversationId}`;

/** `…/conversations/{conversationId}/messages/{messageId}`. */
export const messagesPath = (storeId: string, conversationId: string) =>
  `${conversationPath(storeId, conversationId)}/messages`;

/** `stores/{storeId}/presence/{uid}`: an operator's online switch and heartbeat. */
export const presencesPath = (storeId: string) => `${storePath(storeId)}/presence`;
export const presencePath = (storeId: string, uid: string) => `${presencesPath(storeId)}/${uid}`;

/** `stores/{storeId}/offlineMessages/{id}`: contact-form messages left while offline. */
export const offlineMessagesPath = (storeId: string) => `${storePath(storeId)}/offlineMessages`;
export const offlineMessagePath = (storeId: string, id: string) =>
  `${offlineMessagesPath(storeId)}/${id}`;

/** `stores/{storeId}/rateLimits/{key}`: spam-guard counters (functions only). */
export const rateLimitPath = (storeId: string, key: string) =>
  `${storePath(storeId)}/rateLimits/${key}`;

/** `stores/{storeId}/shoppers/{uid}`: which conversation a shopper has ongoing (functions only). */
export const shopperPath = (storeId: string, uid: string) =>
  `${storePath(storeId)}/shoppers/${uid}`;

/** `stores/{storeId}/secrets/identity`: the key store servers sign customer ids with. */
export const identitySecretPath = (storeId: string) => `${storePath(storeId)}/secrets/identity`;

/** `stores/{storeId}/slots/{index}`: one document per chat slot taken (functions only). */
export const slotPath = (storeId: string, index: number) => `${storePath(storeId)}/slots/${index}`;

/** `stores/{storeId}/invitations/{id}`: operators invited by the owner (functions write). */
export const invitationsPath = (storeId: string) => `${storePath(storeId)}/invitations`;
export const invitationPath = (storeId: string, id: string) => `${invitationsPath(storeId)}/${id}`;

// Replies emailed to shoppers who left: the batch waiting to go (one per conversation), and
// the tokens in reply addresses and resume links (top level: an inbound email names no store).
export const replyEmailsPath = (storeId: string) => `${storePath(storeId)}/replyEmails`;
export const replyEmailPath = (storeId: string, conversationId: string) =>
  `${replyEmailsPath(storeId)}/${conversationId}`;
export const replyDeliveriesPath = (storeId: string, conversationId: string) =>
  `${replyEmailPath(storeId, conversationId)}/deliveries`;
export const conversationSecretsPath = (storeId: string, conversationId: string) =>
  `${conversationPath(storeId, conversationId)}/private/email`;
export const emailTokenPath = (tokenHash: string) => `emailTokens/${tokenHash}`;
/**
 * `stores/{storeId}/history/{rowId}`: archived conversations, one row per verified customer
 * (their conversations accumulate) or per guest conversation (functions write, members read).
 */
export const historyPath = (storeId: string) => `${storePath(storeId)}/history`;
export const historyRowPath = (storeId: string, rowId: string) =>
  `${historyPath(storeId)}/${rowId}`;
/** `stores/{storeId}/savedReplies/{id}`: canned answers operators insert from the composer. */
export const savedRepliesPath = (storeId: string) => `${storePath(storeId)}/savedReplies`;
export const savedReplyPath = (storeId: string, id: string) => `${savedRepliesPath(storeId)}/${id}`;
/** `stores/{storeId}/secrets/server`: the key store servers sign their requests with. */
export const serverSecretPath = (storeId: string) => `${storePath(storeId)}/secrets/server`;

/**
 * `stores/{storeId}/signedRequests/{signature}`: signed server-to-server requests already
 * accepted, so a captured one cannot be replayed within the timestamp window (functions only).
 */
export const signedRequestPath = (storeId: string, signature: string) =>
  `${storePath(storeId)}/signedRequests/${signature}`;

/** `stores/{storeId}/discounts/{code}`: the store's discount codes (the code is the id). */
export const discountsPath = (storeId: string) => `${storePath(storeId)}/discounts`;
export const discountPath = (storeId: string, code: string) => `${discountsPath(storeId)}/${code}`;

/** `…/discounts/{code}/uses/{conversationId}`: the conversations that used a code. */
export const discountUsePath = (storeId: string, code: string, conversationId: string) =>
  `${discountPath(storeId, code)}/uses/${conversationId}`;

/** `stores/{storeId}/orders/{numberKey}`: orders the store's server posts (functions only). */
export const ordersPath = (storeId: string) => `${storePath(storeId)}/orders`;
export const orderPath = (storeId: string, numberKey: string) =>
  `${ordersPath(storeId)}/${numberKey}`;

/** `stores/{storeId}/products/{productId}`: the store's catalogue (the store's id is the id). */
export const productsPath = (storeId: string) => `${storePath(storeId)}/products`;
export const productPath = (storeId: string, productId: string) =>
  `${productsPath(storeId)}/${productId}`;
