import { verificationMethods } from '@/lib/api-types';

// The page's own values; what the API also uses is in src/shared/content-filter/rules.ts.

/** In the order the page offers them (the contract's order): the instant one first, then the other highly effective ones. */
export { verificationMethods };
