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

/** A document under a store, carrying that store's id lifted from its path. */
export type InStore<T> = WithId<T> & { readonly storeId: string };

/**
 * For documents whose id does not tell stores apart (`presence/{uid}`,
 * `public/availability`): VueFire keeps the previous document while the next store's
 * loads, and the store id is what lets readers drop the stale one.
 */
export function withStoreId<T extends DocumentData>(): FirestoreDataConverter<
  InStore<T>,
  DocumentData
> {
  const base = withId<T>();
  return {
    toFirestore(value) {
      const { storeId: _storeId, ...rest } = value as InStore<T>;
      return base.toFirestore(rest as WithId<T>);
    },
    fromFirestore(snapshot, options) {
      return {
        ...base.fromFirestore(snapshot, options),
        storeId: snapshot.ref.parent.parent?.id ?? '',
      };
    },
  };
}
