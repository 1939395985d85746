import { zodResolver } from '@hookform/resolvers/zod';
import { siteCheckSchema, siteReportSchema } from '@/shared/content-filter/schemas';

// The forms' resolvers, loaded with zod when a form is first checked or focused (src/lib/lazy-resolver.ts).
export const siteCheckResolver = zodResolver(siteCheckSchema);
export const siteReportResolver = zodResolver(siteReportSchema);
