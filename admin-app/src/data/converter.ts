/**
 * Typed Firestore converters. Every document the console reads carries its `id`, so
 * lists can key on it and routes can link to it without reaching back for the snapshot.
 */
import type {
  DocumentData,
  FirestoreDataConverter,
  QueryDocumentSnapshot,
  SnapshotOptions,
} from 'firebase/firestore';

export type WithId<T> = T & { readonly id: string };

/**
 * Reads are trusted to match the shared types (the rules and functions are the only
 * writers); writes go through dedicated helpers, so `toFirestore` is a pass-through.
 */
export function withId<T extends DocumentData>(): FirestoreDataConverter<WithId<T>, DocumentData> {
  return {
    toFirestore(value) {
      const { id: _id, ...data } = value as WithId<T>;
      return data;
    },
    fromFirestore(snapshot: QueryDocumentSnapshot, options?: SnapshotOptions): WithId<T> {
      return { ...(snapshot.data(options) as T), id: snapshot.id };
    },
  };
}
