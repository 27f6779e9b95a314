/** The store document (`stores/{storeId}`): its name and languages. */
import { doc } from 'firebase/firestore';
import { storePath, type Store } from '@comptoir/core';
import { db } from '../firebase';
import { withId, type WithId } from './converter';

export type StoreDoc = WithId<Store>;

const converter = withId<Store>();

export const storeRef = (storeId: string) => doc(db, storePath(storeId)).withConverter(converter);
