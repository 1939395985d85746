import { zodResolver } from '@hookform/resolvers/zod';
import { callCodeSchema, contactReportSchema } from '@/shared/contact-history/schemas';

// The forms' resolvers, loaded with zod when a form is first checked or focused (src/lib/lazy-resolver.ts).
export const callCodeResolver = zodResolver(callCodeSchema);
export const contactReportResolver = zodResolver(contactReportSchema);
