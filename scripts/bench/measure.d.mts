// Types for measure.mjs, shared by `npm run bench` (plain Node) and the budget tests (TypeScript).
import type { Page } from '@playwright/test';

export const root: string;
export const chromiumPath: string;
export const chromiumArgs: string[];
export function gzipKb(buffer: Uint8Array): number;
export function staticGraph(outDir: string, entry: string): Set<string>;
export function mockFiles(outDir: string, appEntries?: string[]): Set<string>;
export function build(outDir: string, env?: Record<string, string>): void;
export function measureFloor(): number;
export function startPreview(outDir: string, port: number): Promise<{ url: string; stop: () => void }>;
export function startProductionServer(
  outDir: string,
  port: number,
  dataDir: string,
): Promise<{ url: string; stop: () => void }>;
export function recordScripts(
  page: Page,
  outDir: string,
  appEntries?: string[],
): () => { appKb: number; mockKb: number; files: string[]; appFiles: string[] };
export function round(n: number, digits?: number): number;
export function percentile(values: number[], p: number): number;
export type LighthouseResult = {
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  failingAccessibilityAudits: string[];
  finalUrl: string;
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number };
};
export function lighthouse(
  url: string,
  userDataDir: string,
  categories?: string[],
  options?: { resetStorage?: boolean },
): LighthouseResult;
export function lighthouseAsync(
  url: string,
  userDataDir: string,
  categories: string[],
  options?: { resetStorage?: boolean },
): Promise<LighthouseResult>;
export function lighthouseMedian(
  url: string,
  userDataDir: string,
  runs: number,
): {
  performance: number;
  performanceEach: (number | null)[];
  finalUrls: string[];
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
};
export function unsubscribeWithoutJs(link: string): Promise<number>;
