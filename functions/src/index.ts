// Wiring only: each function lives in its own module.
export { startConversation } from './callable/startConversation';
export { availability } from './http/availability';
export { onMessageCreated } from './triggers/onMessageCreated';
