// Wiring only: each function lives in its own module.
export { startConversation } from './callable/startConversation';
export { endConversation } from './callable/endConversation';
export { setOperatorStatus } from './callable/setOperatorStatus';
export { saveStoreSettings } from './callable/saveStoreSettings';
export { submitOfflineMessage } from './callable/submitOfflineMessage';
export { identifyShopper } from './callable/identifyShopper';
export { rotateIdentitySecret } from './callable/rotateIdentitySecret';
export { availability } from './http/availability';
export { devSweep } from './http/devSweep';
export { shopperLeft } from './http/shopperLeft';
export { onMessageCreated } from './triggers/onMessageCreated';
export { onOfflineMessageCreated } from './triggers/onOfflineMessageCreated';
export { sweep } from './scheduled/sweep';
export { reportCart } from './callable/reportCart';
export { rotateServerSecret } from './callable/rotateServerSecret';
export { cartEvents } from './http/cartEvents';
