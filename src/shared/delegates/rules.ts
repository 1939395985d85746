import { relationships, scopes } from '@/lib/api-types';

// Zod-free values and rules the pages render with and the API decides with; schemas.ts builds the
// API's and the forms' zod schemas from them. Kept apart so a page does not load zod until a form is
// checked (issue 12).

export { relationships };
export const scopeValues = scopes;

const ukMobile = /^(?:\+44|0044|0)7\d{9}$/;

/** A UK mobile number without spaces, dashes or brackets, as +44 or 0 form. */
export const normaliseMobile = (value: string) => value.replace(/[\s()-]/g, '');
export const isUkMobile = (value: string) => ukMobile.test(normaliseMobile(value));
/** The same person's contact written two ways compares equal: case-insensitive email, 07… mobile. */
export function contactKey(value: string) {
  const trimmed = value.trim();
  if (trimmed.includes('@')) return trimmed.toLowerCase();
  return normaliseMobile(trimmed).replace(/^(\+44|0044)/, '0');
}
