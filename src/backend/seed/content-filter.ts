import type { Schema } from '@/lib/api-types';
import { demoCardNumber, demoDebitCardNumber, demoShopCodes } from '@/shared/content-filter/rules';
import { now } from '../clock';

export type FilterReason = Schema<'FilterReason'>;
export type FilterChange = Schema<'FilterChange'>;

/** A line's filter once someone has changed it. Lines not listed here have their default. */
export type LineFilterRecord = { on: boolean; reason: FilterReason; history: FilterChange[] };

/** Personal, keyed by person: remembered across lines, accounts and devices. */
export type AgeVerificationRecord = {
  status: 'pending' | 'verified';
  method: Schema<'VerificationMethod'>;
  submittedAt: string;
  verifiedAt: string | null;
  /** Set for an ID document: when the demo "approves" it. */
  approveAt: string | null;
  /** Open banking or a digital identity app: the bank or app that confirmed the age. */
  provider?: string;
};

export type ShopCode = { code: string; expiresAt: string; usedAt: string | null; usedBy: string | null };

export type SiteEntry = {
  category: Schema<'SiteCategory'>;
  /** In the demo, a report that it was wrongly blocked is upheld. */
  misclassified?: boolean;
};

export type SiteReportRecord = {
  id: string;
  reference: string;
  accountId: string;
  personId: string;
  url: string;
  host: string;
  kind: Schema<'SiteReportKind'>;
  details: string;
  submittedAt: string;
  /** Set when the demo review decides. */
  outcome?: 'changed' | 'kept';
};

export type ContentFilterState = {
  lines: Record<string, LineFilterRecord>;
  verifications: Record<string, AgeVerificationRecord>;
  shopCodes: ShopCode[];
  sites: Record<string, SiteEntry>;
  reports: SiteReportRecord[];
};

const day = 24 * 60 * 60 * 1000;
const isoIn = (ms: number) => new Date(now().getTime() + ms).toISOString();

export { demoCardNumber, demoDebitCardNumber, demoShopCodes };

export function seedContentFilter(): ContentFilterState {
  return {
    lines: {},
    verifications: {},
    shopCodes: [
      { code: demoShopCodes.valid, expiresAt: isoIn(30 * day), usedAt: null, usedBy: null },
      { code: demoShopCodes.expired, expiresAt: isoIn(-2 * day), usedAt: null, usedBy: null },
      { code: demoShopCodes.used, expiresAt: isoIn(20 * day), usedAt: isoIn(-3 * day), usedBy: 'someone-else' },
    ],
    // A small, fixed category list. Unknown sites, such as ordinary blogs, are allowed.
    sites: {
      'adult-site.example': { category: 'adult' },
      'casino.example': { category: 'gambling' },
      'vineyard-diary.example': { category: 'alcohol', misclassified: true },
      'weapons-shop.example': { category: 'weapons' },
      'drugs-shop.example': { category: 'drugs' },
    },
    reports: [],
  };
}
