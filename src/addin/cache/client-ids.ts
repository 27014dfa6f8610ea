/**
 * A new random client id: a UUID without its dashes (32 characters of [0-9a-f]), within what the
 * protocol accepts (8–64 characters of [A-Za-z0-9_-]).
 */
export const newClientId = (): string => crypto.randomUUID().replaceAll('-', '');
