export * from './paths';
export * from './types';
export * from './validation';
export * from './i18n';
export * from './errors';
export * from './names';
export * from './clientConfig';
export * from './forms';
