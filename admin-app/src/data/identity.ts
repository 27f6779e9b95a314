/** The store's identity secret (`stores/{storeId}/secrets/identity`), read by members. */
import { doc } from 'firebase/firestore';
import { identitySecretPath, type IdentitySecret } from '@comptoir/core';
import { db } from '../firebase';
import { withStoreId } from './converter';

const converter = withStoreId<IdentitySecret>();

export const identitySecretRef = (storeId: string) =>
  doc(db, identitySecretPath(storeId)).withConverter(converter);
