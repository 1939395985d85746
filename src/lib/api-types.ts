import type { components } from './api-schema.gen';

/** Shorthand for the contract's schemas: `Schema<'Preferences'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type Channel = Schema<'Channel'>;
export type Topic = Schema<'Topic'>;
export type SenderType = Schema<'SenderType'>;
export type Scope = Schema<'Scope'>;
export type Problem = Schema<'Problem'>;

export const channels: readonly Channel[] = ['email', 'sms', 'phone', 'post', 'app'];
export const topics: readonly Topic[] = ['offers', 'new-products', 'newsletter', 'surveys'];
export const senderTypes: readonly SenderType[] = ['company', 'agents', 'partners'];
export const scopes: readonly Scope[] = ['view', 'preferences', 'content-filter', 'phone', 'needs'];
