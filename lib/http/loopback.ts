/** A plain-http address on this machine: the only http an EHR setting may name (tests and local EHR sandboxes). */
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

export const isLoopback = (url: string): boolean => LOOPBACK.test(url);
