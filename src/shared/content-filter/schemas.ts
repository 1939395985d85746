import { cleanFreeText } from '@/lib/free-text';
import { z } from '@/lib/zod';
import { maxUrlLength, reportKinds } from './rules';

// One schema per payload, shared by the forms and the mock API. Messages are stable keys;
// the UI words them in the reader's language, the API from src/locales/{en,de}/api.json.

const hostPattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Adds https:// to a bare host such as "example.com"; keeps any scheme the person typed. */
const withScheme = (value: string) => (/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`);

/** A web address: http or https, a real-looking host, at most 2048 characters. Output is the normalised URL. */
export const siteUrlSchema = z
  .string()
  .trim()
  .min(1, 'url-required')
  .max(maxUrlLength, 'url-too-long')
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(withScheme(value));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'url-invalid' });
      return z.NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'url-scheme' });
      return z.NEVER;
    }
    if (!hostPattern.test(url.hostname) || url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'url-host' });
      return z.NEVER;
    }
    return url.href;
  });

export const siteCheckSchema = z.strictObject({ url: siteUrlSchema });
export type SiteCheckInput = z.input<typeof siteCheckSchema>;
export type SiteCheckOutput = z.output<typeof siteCheckSchema>;

export const siteReportSchema = z.strictObject({
  url: siteUrlSchema,
  kind: z.enum(reportKinds, { message: 'kind-required' }),
  details: z.string().transform(cleanFreeText).pipe(z.string().max(1000, 'details-too-long')).optional().default(''),
});
export type SiteReportInput = z.input<typeof siteReportSchema>;
export type SiteReportOutput = z.output<typeof siteReportSchema>;

export const lineFilterUpdateSchema = z.strictObject({ on: z.boolean() });

/** Only the shape is checked here; whether it verifies is decided by the mock API's domain rules. */
export const ageVerificationRequestSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('date-of-birth') }),
  z.strictObject({ method: z.literal('card'), cardNumber: z.string().max(40, 'card-invalid') }),
  z.strictObject({
    method: z.literal('id-document'),
    fileName: z.string().min(1, 'file-required').max(255),
    contentType: z.string().max(100),
    dataBase64: z.string(),
  }),
  z.strictObject({ method: z.literal('shop-code'), code: z.string().max(40, 'code-unknown') }),
  z.strictObject({ method: z.literal('open-banking'), provider: z.string().max(64, 'provider-unknown') }),
  z.strictObject({ method: z.literal('digital-id'), provider: z.string().max(64, 'provider-unknown') }),
]);
