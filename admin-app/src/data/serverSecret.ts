/** The store's server secret (`stores/{storeId}/secrets/server`), read by members. */
import { doc } from 'firebase/firestore';
import { serverSecretPath, type ServerSecret } from '@comptoir/core';
import { db } from '../firebase';
import { withStoreId } from './converter';

const converter = withStoreId<ServerSecret>();

export const serverSecretRef = (storeId: string) =>
  doc(db, serverSecretPath(storeId)).withConverter(converter);
