import { zodResolver } from '@hookform/resolvers/zod';
import { capsFormSchema, pauseFormSchema, quietFormSchema } from './schemas';

// The forms' resolvers, loaded with zod when a form is first checked or focused (src/lib/lazy-resolver.ts).
export const capsResolver = zodResolver(capsFormSchema);
export const quietResolver = zodResolver(quietFormSchema);
export const pauseResolver = (today: string) => zodResolver(pauseFormSchema(today));
