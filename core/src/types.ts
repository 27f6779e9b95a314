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

/** `stores/{storeId}`: private settings, readable by members only. */
export interface Store {
  name: string;
  defaultLanguage: Language;
  languages: Language[];
  /** Incremented by functions to give each guest a short, friendly number. */
  guestCount: number;
  createdAt: TimestampLike;
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

/** `stores/{storeId}/public/widget`: appearance and texts, readable by anyone. */
export interface WidgetSettings {
  storeName: string;
  defaultLanguage: Language;
  texts: Record<Language, WidgetTexts>;
  colors: {
    headerBackground: string;
    headerText: string;
    operatorBubble: string;
    operatorText: string;
    shopperBubble: string;
    shopperText: string;
  };
  launcher: { position: LauncherPosition; color: string };
}

export type AvailabilityStatus = 'online' | 'offline' | 'hidden';

/** `stores/{storeId}/public/availability`: derived and written by functions only. */
export interface Availability {
  status: AvailabilityStatus;
  /** Copied from the widget settings so the endpoint answers from one document read. */
  launcher: WidgetSettings['launcher'];
  updatedAt: TimestampLike;
}

/** What the loader receives from the availability endpoint (HTTP, cacheable). */
export interface AvailabilityResponse {
  storeId: string;
  status: AvailabilityStatus;
  launcher: WidgetSettings['launcher'];
}

export type ConversationStatus = 'ongoing' | 'finished' | 'archived';

/** Who the shopper is, as far as the store knows. */
export interface GuestShopper {
  kind: 'guest';
  guestNumber: number;
  displayName: string;
}
export type Shopper = GuestShopper;

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
  operatorReadAt: TimestampLike | null;
}

/** `…/conversations/{id}/messages/{id}`. */
export interface Message {
  author: Author;
  authorUid: string;
  /** The operator's display name; absent on shopper messages. */
  authorName?: string;
  text: string;
  createdAt: TimestampLike;
}
