export function inboundEmailUrl(): string;
