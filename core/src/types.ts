/**
 * Document shapes shared by the rules, the functions, the console and the widget.
 * Timestamps are typed loosely (`TimestampLike`) because the admin SDK, the web SDK
 * and plain JSON each carry their own Timestamp class.
 */

/** Anything with a `toMillis()`: admin and web Timestamps both qualify. */
export interface TimestampLike {
  toMillis(): number;
}

export type Language = string; // BCP 47 primary tag, e.g. "en", "fr"

export type MemberRole = 'owner' | 'operator';

/** What the merchant sets on the Settings page (saved through `saveStoreSettings`). */
export interface StoreSettings {
  /** At most this many conversations are ongoing at once (1–100). */
  maxConcurrentChats: number;
  /** When nobody can chat: true → the widget shows the contact form; false → no widget. */
  offlineMode: boolean;
  /** Where offline messages are emailed. */
  notificationEmail: string;
  /** The "from" of emails sent to the merchant when the shopper gave no email. */
  senderName: string;
  senderEmail: string;
  /** Which contact fields the offline form asks for, and which are required. */
  contactFields: ContactFieldsSettings;
  /**
   * When the chat asks for the shopper's email, so replies reach them after they leave:
   * after their first message (optional), or before the chat in a pre-chat form (optional,
   * or required before they can write).
   */
  emailCapture: EmailCapture;
}

export type EmailCapture = 'after-first-message' | 'pre-chat' | 'pre-chat-required';

/** `stores/{storeId}`: private settings, readable by members only. */
export interface Store extends StoreSettings {
  name: string;
  defaultLanguage: Language;
  languages: Language[];
  /** Incremented by functions to give each guest a short, friendly number. */
  guestCount: number;
  /** Conversations currently ongoing: the concurrency cap's counter (functions only). */
  ongoingCount: number;
  createdAt: TimestampLike;
  /** The automatic first response (absent on stores saved before it existed: off). */
  autoReply?: AutoReply;
}

/**
 * An optional first answer, per language, that a function posts under the store's name
 * when a shopper writes and nobody has answered yet (see functions/src/automaticResponse.ts).
 */
export interface AutoReply {
  enabled: boolean;
  texts: Record<Language, string>;
}

/** `stores/{storeId}/savedReplies/{id}`: a canned answer operators insert from the composer. */
export interface SavedReply {
  title: string;
  text: string;
  updatedAt: TimestampLike;
}

export const CONTACT_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'message'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type ContactFieldsSettings = Record<ContactField, { requested: boolean; required: boolean }>;

/** `stores/{storeId}/presence/{uid}`: an operator's online switch and heartbeat (functions). */
export interface OperatorPresence {
  online: boolean;
  lastSeenAt: TimestampLike;
}

/** `stores/{storeId}/offlineMessages/{id}`: a contact-form message left while nobody could chat. */
export interface OfflineMessage {
  fields: Partial<Record<ContactField, string>>;
  language: Language;
  shopperUid: string;
  createdAt: TimestampLike;
  /** Operators toggle it in the console. */
  read: boolean;
  /** Delivery of the notification email (functions only). */
  email: EmailDelivery;
}

export interface EmailDelivery {
  state: 'pending' | 'sending' | 'sent' | 'error';
  attempts: number;
  /** While `sending`, no other delivery may start before this time (a lease). */
  leaseExpiresAt: TimestampLike | null;
  sentAt: TimestampLike | null;
  error: string | null;
}

/** `stores/{storeId}/members/{uid}`: written by functions and the seed only. */
export interface Member {
  uid: string;
  role: MemberRole;
  /** Shown to shoppers under the operator's replies. */
  displayName: string;
  email: string;
}

export interface WidgetTexts {
  header: string;
  welcome: string;
}

export type LauncherPosition = 'bottom-right' | 'bottom-left';

export interface WidgetColors {
  headerBackground: string;
  headerText: string;
  operatorBubble: string;
  operatorText: string;
  shopperBubble: string;
  shopperText: string;
}

export type OfflineFormColors = Pick<WidgetColors, 'headerBackground' | 'headerText'>;

/** `stores/{storeId}/public/widget`: appearance and texts, readable by anyone. */
export interface WidgetSettings {
  storeName: string;
  /** Copied from the store's settings; absent on older stores (after the first message). */
  emailCapture?: EmailCapture;
  defaultLanguage: Language;
  texts: Record<Language, WidgetTexts>;
  colors: WidgetColors;
  launcher: { position: LauncherPosition; color: string };
  /** The contact form shown when nobody can chat (only when offline mode is on). */
  offlineForm: {
    texts: Record<Language, WidgetTexts>;
    fields: ContactFieldsSettings;
    /** Its header's colors; stores saved before they existed use the chat's header colors. */
    colors?: OfflineFormColors;
  };
}

/**
 * online: an operator is online and a slot is free; full: operators online but the cap is
 * reached; offline: no operator online (switched off, or silent past the grace period).
 */
export type AvailabilityStatus = 'online' | 'full' | 'offline';

/** `stores/{storeId}/public/availability`: derived and written by functions only. */
export interface Availability {
  status: AvailabilityStatus;
  /** The store's offline mode: show the contact form when not online. */
  offlineForm: boolean;
  /**
   * When status is online or full: the moment the last heartbeat expires. Readers treat a
   * past onlineUntil as offline, so a console that vanished stops showing the chat by
   * itself, without waiting for a sweep.
   */
  onlineUntil: TimestampLike | null;
  /** Copied from the widget settings so the endpoint answers from one document read. */
  launcher: WidgetSettings['launcher'];
  updatedAt: TimestampLike;
}

/** What the loader receives from the availability endpoint (HTTP, cacheable). */
export interface AvailabilityResponse {
  storeId: string;
  status: AvailabilityStatus;
  offlineForm: boolean;
  launcher: WidgetSettings['launcher'];
}

/** What the loader does with an availability answer. */
export type WidgetMode = 'chat' | 'form' | 'none';

export function widgetMode(a: Pick<AvailabilityResponse, 'status' | 'offlineForm'>): WidgetMode {
  if (a.status === 'online') return 'chat';
  return a.offlineForm ? 'form' : 'none';
}

export type ConversationStatus = 'ongoing' | 'finished' | 'archived';

/** Who the shopper is, as far as the store knows. */
export interface GuestShopper {
  kind: 'guest';
  guestNumber: number;
  displayName: string;
}
/** A shopper the store's server vouched for (HMAC over the customer id, checked by a function). */
export interface CustomerShopper {
  kind: 'customer';
  guestNumber: number;
  customerId: string;
  displayName: string;
  email: string | null;
  phone: string | null;
}
export type Shopper = GuestShopper | CustomerShopper;

/** What a store's page passes to `Comptoir.identify(...)`. */
export interface CustomerIdentity {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  /** Hex HMAC-SHA256 of `id` with the store's identity secret, computed by the store's server. */
  signature: string;
}

/** `stores/{storeId}/secrets/identity`: the HMAC key (members read it to configure the store). */
export interface IdentitySecret {
  secret: string;
  rotatedAt: TimestampLike;
}

/** `stores/{storeId}/shoppers/{uid}`: per-shopper state kept by functions. */
export interface ShopperRecord {
  ongoingConversationId?: string | null;
  customer?: Omit<CustomerShopper, 'kind' | 'guestNumber'> | null;
  /** The email the shopper left (before or during a chat); copied to new conversations. */
  contact?: ShopperContact | null;
}

export type Author = 'shopper' | 'operator' | 'system';

export interface MessagePreview {
  text: string;
  author: Author;
}

/** `stores/{storeId}/conversations/{id}`: created by the `startConversation` callable. */
export interface Conversation {
  shopperUid: string;
  shopper: Shopper;
  status: ConversationStatus;
  language: Language;
  createdAt: TimestampLike;
  lastMessageAt: TimestampLike;
  lastMessage: MessagePreview | null;
  /** Id of the message summarised in lastMessage: lets the trigger ignore redelivery. */
  lastMessageId: string | null;
  /** Shopper messages the operators have not read yet (functions increment it). */
  unreadByOperator: number;
  /**
   * When the first answer (an operator's, or the automatic response) was written; null
   * until then. Lets the message trigger skip the automatic response without reading the
   * thread. Absent on conversations started before it existed.
   */
  answeredAt?: TimestampLike | null;
  operatorReadAt: TimestampLike | null;
  /** The shopper's heartbeat while a store page is open (the shopper writes it). */
  shopperSeenAt: TimestampLike | null;
  endedAt: TimestampLike | null;
  /** Why it ended: the operator closed it, or the shopper left and stayed away. */
  endedReason: 'operator' | 'shopper-left' | null;
  /** The chat slot it holds while ongoing (see stores/{id}/slots), null once ended. */
  slot: number | null;
  /** Typing indicators: the last keystroke time, written at most every few seconds. */
  shopperTypingAt: TimestampLike | null;
  operatorTypingAt: TimestampLike | null;
  operatorTypingName: string | null;
  /** When the shopper last saw the thread with the chat open ("Seen" for operators). */
  shopperReadAt: TimestampLike | null;
  /** When the shopper's page last went away (keepalive request on pagehide; functions). */
  shopperLeftAt: TimestampLike | null;
  /**
   * When a finished conversation was last reopened (by the merchant, or by the shopper
   * writing again). The idle sweep leaves it alone for a while after that, so a merchant
   * can reopen a chat whose shopper has left and still answer it.
   */
  reopenedAt?: TimestampLike | null;
  /** Who reopened it: an operator's uid, or 'shopper'. */
  reopenedBy?: string | null;
  /** The email the shopper left in the chat, so replies reach them after they leave. */
  contact?: ShopperContact | null;
  /** The store page the conversation started on: the resume link in emails returns there. */
  pageUrl?: string | null;
  /** Set with status `archived`, when its history row received it (absent before). */
  archivedAt?: TimestampLike | null;
}

/** `…/conversations/{id}/messages/{id}`. */
export interface Message {
  author: Author;
  authorUid: string;
  /** The operator's display name; absent on shopper messages. */
  authorName?: string;
  text: string;
  createdAt: TimestampLike;
  /** True on the automatic first response (posted by a function under the store's name). */
  automatic?: boolean;
  /** 'email': a shopper's answer that came back by email (inbound webhook). */
  via?: 'email';
  /** When this operator reply went out by email to a shopper who had left (functions). */
  emailedAt?: TimestampLike | null;
}

/** An email (and name) the shopper gave in the chat, with their consent to be answered. */
export interface ShopperContact {
  email: string;
  name: string | null;
  givenAt: TimestampLike;
}

/**
 * pending: sent (or being sent) and waiting; a pending invitation past `expiresAt` counts as
 * expired without being rewritten. expired: replaced by a newer invitation to the same email.
 */
export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired';

/** `stores/{storeId}/invitations/{id}`: an operator invited by the owner (functions only). */
export interface Invitation {
  /** Lowercased: the invitee must accept with an account of this email. */
  email: string;
  /** The name the owner suggested; the invitee may choose another when joining. */
  displayName: string | null;
  role: 'operator';
  state: InvitationState;
  /**
   * SHA-256 (hex) of the token in the emailed link, or null until the email goes out: the
   * raw token is minted when the email is sent and exists only in that email.
   */
  tokenHash: string | null;
  /** The owner who sent it; the email answers to them. */
  invitedBy: { uid: string; displayName: string; email: string };
  createdAt: TimestampLike;
  expiresAt: TimestampLike;
  acceptedAt: TimestampLike | null;
  acceptedBy: string | null;
  revokedAt: TimestampLike | null;
  /** Delivery of the invitation email (same lease as offline messages). */
  mail: EmailDelivery;
}

/** What the Join page learns from a link, before anyone signs in (`previewInvitation`). */
export interface InvitationPreview {
  storeName: string;
  email: string;
  displayName: string | null;
  invitedByName: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** One archived conversation, as its history row summarises it (the messages stay in place). */
export interface HistoryConversation {
  conversationId: string;
  /** The shopper's name in that conversation ("Visitor 12", or the customer's name then). */
  displayName: string;
  guestNumber: number;
  language: Language;
  startedAt: TimestampLike;
  endedAt: TimestampLike | null;
  lastMessageAt: TimestampLike;
  /** The conversation's last message, whoever wrote it (as the inbox showed it). */
  lastMessage: MessagePreview | null;
  archivedAt: TimestampLike;
}

/**
 * `stores/{storeId}/history/{rowId}`: written by the archiving function only. A verified
 * customer has one row (`customer-{sha256 of the customer id}`) that every archived
 * conversation of theirs joins; each guest conversation is a row of its own
 * (`guest-{conversationId}`).
 */
export interface HistoryRow {
  kind: 'customer' | 'guest';
  /** The customer's name (from their newest conversation), or "Visitor 12". */
  displayName: string;
  customerId: string | null;
  /** Guest rows only: the visitor number of the conversation. */
  guestNumber: number | null;
  /** Verified customers only (from their newest conversation); null for guests. */
  email: string | null;
  phone: string | null;
  /** Oldest first; the same order as `conversations`. */
  conversationIds: string[];
  conversations: HistoryConversation[];
  /** The newest message over all the row's conversations (the default sort). */
  lastMessageAt: TimestampLike;
  /** The customer's (shopper's) own newest message, not the store's reply. */
  lastShopperMessage: { text: string; at: TimestampLike } | null;
  /** Folded name with zero-padded numbers ("visitor 0000000012"): the name sort. */
  sortName: string;
  /** Folded words for search with `array-contains` (see core/src/history.ts). */
  keywords: string[];
  /** When the row last received a conversation. */
  archivedAt: TimestampLike;
}

// ---- Commerce: the shopper's cart ---------------------------------------------------

/** One line of a store's cart, as the store reports it (`Comptoir.cart` or server to server). */
export interface CartItem {
  /** The store's id for the line (usually the variant's id): changes are matched on it. */
  id: string;
  name: string;
  variant: string | null;
  quantity: number;
  /** In the currency's major unit (29.9 means €29.90), as stores show prices. */
  unitPrice: number;
}

/** A whole cart: each report is a snapshot, and the server works out what changed. */
export interface Cart {
  items: CartItem[];
  subtotal: number;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
}

/** What one cart event did to a line: +2 added, -1 removed. */
export interface CartChange {
  delta: number;
  /** The product's name, or null when it is 41 characters or longer (see core/src/cart.ts). */
  name: string | null;
  variant: string | null;
}

/**
 * The cart as the conversation keeps it (functions only): shown in the console's header
 * while active, and the baseline the next report is compared with.
 */
export interface CartSummary extends Cart {
  itemCount: number;
  /** The last cart interaction (server time of the last change). */
  updatedAt: TimestampLike;
  /** The store's time of the last applied event (ms), to ignore late, older snapshots. */
  occurredAt: number;
  /** Ids of the latest events, so a repeated event is ignored. */
  recentEventIds: string[];
  /**
   * The system line a burst of changes is written to, and the cart before the burst: the
   * next change within the coalescing window rewrites that line instead of adding one.
   */
  burst: {
    messageId: string;
    before: CartItem[];
    /** The inbox preview before the line, restored if the burst cancels out. */
    previous: Pick<Conversation, 'lastMessage' | 'lastMessageAt' | 'lastMessageId'>;
  } | null;
}

/** A system line's meaning, so each side words it in its own language. */
export type SystemEvent =
  | { kind: 'cart'; changes: CartChange[] }
  | { kind: 'cart-snapshot'; itemCount: number; subtotal: number; currency: string }
  | { kind: 'discount-applied'; code: string };

// NOTE: commerce fields are added to the conversation and message shapes here, by
// declaration merging, so the commerce feature stays in one block of this file.
export interface Conversation {
  /** The shopper's cart, kept by functions from the store's reports; absent until one. */
  cart?: CartSummary | null;
}

export interface Message {
  /** On `system` lines written by functions: what happened, for localised wording. */
  event?: SystemEvent;
}

/**
 * `stores/{storeId}/secrets/server`: the key a store's server signs its requests to the
 * HTTP endpoints with (cart events, orders, products). Apart from the identity secret on
 * purpose: identity signatures are published in pages, request signatures never are.
 */
export type ServerSecret = IdentitySecret;

/** `stores/{storeId}/signedRequests/{signature}`: a request already accepted (functions). */
export interface SignedRequestRecord {
  path: string;
  receivedAt: TimestampLike;
  /** For a Firestore TTL policy: records are useless once the timestamp window has passed. */
  expiresAt: TimestampLike;
}

// ---- Commerce: orders ---------------------------------------------------------------

export type OrderStatus = 'received' | 'processing' | 'shipped' | 'delivered' | 'cancelled';

/** A line of an order, as the store summarises it (optional). */
export interface OrderItem {
  name: string;
  quantity: number;
}

/** One order as `/api/orders` accepts it, validated by validateOrder (times in ms). */
export interface OrderInput {
  /** As the shopper sees it ("#1042"). */
  number: string;
  /** The number normalised (no '#', no spaces, upper case): the document id. */
  numberKey: string;
  /** Lower case and trimmed. */
  email: string;
  status: OrderStatus;
  createdAt: number;
  updatedAt: number;
  total: number;
  currency: string;
  items: OrderItem[] | null;
  carrier: string | null;
  /** http(s) only. */
  trackingUrl: string | null;
}

/** `stores/{storeId}/orders/{numberKey}`: written by the orders endpoint (functions only). */
export interface Order extends Omit<OrderInput, 'createdAt' | 'updatedAt'> {
  createdAt: TimestampLike;
  /** The store's time of the last status change: an older update arriving late is ignored. */
  updatedAt: TimestampLike;
  /** Server time of the last write. */
  receivedAt: TimestampLike;
}

/** What lookupOrder answers a shopper who gave the right number and email. */
export interface OrderLookupAnswer {
  number: string;
  status: OrderStatus;
  statusLabel?: string;
  /** Ms since epoch. */
  updatedAt: number;
  /** Only once shipped or delivered. */
  trackingUrl?: string;
  carrier?: string | null;
}

// ---- Commerce: discounts ------------------------------------------------------------

export type DiscountKind = 'percentage' | 'fixed-amount' | 'free-shipping';

/** What the merchant sets on the Discounts page (dates in ms; see validateDiscount). */
export interface DiscountInput {
  /** Upper case, 3–32 letters, digits, `-` or `_`: also the document id. */
  code: string;
  kind: DiscountKind;
  /** Percentage (1–100), or an amount in `currency`; 0 for free shipping. */
  value: number;
  /** The currency of a fixed amount and of the minimum subtotal (ISO 4217). */
  currency: string;
  startsAt: number | null;
  endsAt: number | null;
  /** How many conversations may use it, or null for no limit. */
  usageLimit: number | null;
  minimumSubtotal: number | null;
  active: boolean;
}

/** `stores/{storeId}/discounts/{code}`: written by functions (saveDiscount, applyDiscount). */
export interface Discount extends Omit<DiscountInput, 'startsAt' | 'endsAt'> {
  startsAt: TimestampLike | null;
  endsAt: TimestampLike | null;
  /** Counted by applyDiscount in the same transaction that records the use. */
  usageCount: number;
  createdAt: TimestampLike;
  updatedAt: TimestampLike;
}

/** What a discount card carries: a copy taken when the merchant shared it. */
export type SharedDiscount = Pick<
  Discount,
  'code' | 'kind' | 'value' | 'currency' | 'minimumSubtotal' | 'endsAt'
>;

/** What the store's page receives (`comptoir:discount`, `Comptoir.onDiscount`). */
export type DiscountDetail = Pick<Discount, 'code' | 'kind' | 'value' | 'currency'>;

/** The discount applied in a conversation (functions only). */
export interface AppliedDiscount extends DiscountDetail {
  appliedAt: TimestampLike;
  /** The card it was applied from. */
  messageId: string;
}

/** `stores/{storeId}/discounts/{code}/uses/{conversationId}`: one use per conversation. */
export interface DiscountUse {
  conversationId: string;
  shopperUid: string;
  subtotal: number | null;
  currency: string | null;
  appliedAt: TimestampLike;
}

export interface Conversation {
  /** The last discount the shopper applied here (functions only). */
  discount?: AppliedDiscount | null;
}

export interface Message {
  /** A discount card, posted by an operator through shareDiscount. */
  discount?: SharedDiscount;
}

// ---- Commerce: products -------------------------------------------------------------

/** A product as an import sends it (validated by validateProductBatch, core/src/products.ts). */
export interface ProductInput {
  /** The store's own id for the product: also the document id, so an import upserts. */
  id: string;
  name: string;
  /** In the currency's major unit (149 means €149.00), like cart prices. */
  price: number;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  /** The product page on the store: absolute http(s) only. */
  url: string;
  /** An absolute http(s) image address, or null (the card shows a placeholder). */
  imageUrl: string | null;
  description: string | null;
  variant: string | null;
  available: boolean;
}

/** `stores/{storeId}/products/{productId}`: written by functions (the imports). */
export interface Product extends ProductInput {
  /** Folded words of the name and their beginnings, and the id (see productSearchKeys). */
  searchKeys: string[];
  updatedAt: TimestampLike;
}

/** What a product card carries: a copy taken when the merchant shared it. */
export type SharedProduct = Pick<
  Product,
  'id' | 'name' | 'price' | 'currency' | 'url' | 'imageUrl' | 'variant' | 'available'
>;

export interface Message {
  /** Product cards (1 to 3), posted by an operator through shareProducts. */
  products?: SharedProduct[];
}
