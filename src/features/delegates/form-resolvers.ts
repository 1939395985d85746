import { zodResolver } from '@hookform/resolvers/zod';
import { changeSchema, inviteSchema, phonePasswordSchema, revealSchema } from '@/shared/delegates/schemas';

// The forms' resolvers, with zod: the forms import this file only when first checked or focused.

export const inviteResolver = (today: string) => zodResolver(inviteSchema(today));
export const changeResolver = (today: string) => zodResolver(changeSchema(today));
export const phonePasswordResolver = zodResolver(phonePasswordSchema);
export const revealResolver = zodResolver(revealSchema);
