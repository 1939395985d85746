import { optOutScopes, unsubscribeReasons } from '@/lib/api-types';
import { z } from '@/lib/zod';
import { emailMaxLength, emailPattern } from './email-pattern';

// Used by the mock API. The two unsubscribe pages use plain inputs so zod stays out of their chunk.
export const optOutRequestSchema = z.strictObject({ scope: z.enum(optOutScopes) });
export const undoRequestSchema = z.strictObject({ undoId: z.string().min(1).max(64) });
export const reasonRequestSchema = z.strictObject({ reason: z.enum(unsubscribeReasons) });
export const preferenceLinkRequestSchema = z.strictObject({
  email: z
    .string()
    .trim()
    .max(emailMaxLength, 'Enter an email address of 254 characters or fewer.')
    .regex(emailPattern, 'Enter an email address, like name@example.com.'),
});
export const linkSignInRequestSchema = z.strictObject({ token: z.string().max(400) });
