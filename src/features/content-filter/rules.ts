import { siteReportKinds, verificationMethods } from '@/lib/api-types';

// Zod-free values and rules the page renders with; schemas.ts builds the API's and the forms' zod
// schemas from them. Kept apart so the page does not load zod until a form is checked (issue 12).

export const maxUrlLength = 2048;
export const siteHostPattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Adds https:// to a bare host such as "example.com"; keeps any scheme the person typed. */
export const withScheme = (value: string) => (/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`);

export const reportKinds = siteReportKinds;

// Invisible control characters and direction overrides (not tabs or line breaks) are dropped from free text.
// eslint-disable-next-line no-control-regex
const invisible = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
export const withoutInvisible = (value: string) => value.replace(invisible, '');

/** In the order the page offers them (the contract's order): the instant one first, then the other highly effective ones. */
export { verificationMethods };

/** Who can confirm a person's age after they agree on the provider's own screen (simulated in the demo). */
export const ageCheckProviders = {
  'open-banking': ['demo-bank', 'harbour-building-society'],
  'digital-id': ['demo-id-app'],
} as const;
export type ConsentMethod = keyof typeof ageCheckProviders;

/** Demo values the mock seed uses and the page shows in hints, so anyone can try each method. */
export const demoShopCodes = { valid: 'KST-4827-1936', expired: 'KST-1180-2025', used: 'KST-3391-5502' } as const;
/** A credit card test number (Stripe's documented Visa credit): passes. Nothing is ever charged. */
export const demoCardNumber = '4242 4242 4242 4242';
/** Stripe's documented Visa debit test number: refused, because a debit card cannot show age. */
export const demoDebitCardNumber = '4000 0566 5566 5556';
