import { siteReportKinds } from '@/lib/api-types';

// Zod-free values and rules the page renders with and the API decides with; schemas.ts builds the
// API's and the forms' zod schemas from them. Kept apart so the page does not load zod until a form
// is checked (issue 12).

export const maxUrlLength = 2048;

export const reportKinds = siteReportKinds;

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
