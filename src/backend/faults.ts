import type { Schema } from '@/lib/api-types';
import { ApiError } from './problem';

export type FaultSettings = Schema<'FaultSettings'>;

const storageKey = 'pc-demo-faults-v1';
export const browserDefaults: FaultSettings = { errorRate: 0, minLatencyMs: 150, maxLatencyMs: 450 };
export const testDefaults: FaultSettings = { errorRate: 0, minLatencyMs: 0, maxLatencyMs: 0 };

let settings: FaultSettings = testDefaults;
let persistent = false;

export const getFaults = () => settings;

export function setFaults(next: FaultSettings) {
  settings = { ...next, maxLatencyMs: Math.max(next.minLatencyMs, next.maxLatencyMs) };
  if (persistent) {
    try {
      localStorage.setItem(storageKey, JSON.stringify(settings));
    } catch {
      // Not saved; still applies for this page view.
    }
  }
  return settings;
}

/** Browser: realistic latency by default, and keep what the demo panel set across reloads. */
export function loadBrowserFaults() {
  persistent = true;
  try {
    const saved = localStorage.getItem(storageKey);
    settings = saved ? (JSON.parse(saved) as FaultSettings) : browserDefaults;
  } catch {
    settings = browserDefaults;
  }
}

export function resetFaults(to: FaultSettings = testDefaults) {
  settings = to;
}

/** Waits the configured latency, then fails the request at the configured rate. */
export async function applyFaults() {
  const { minLatencyMs, maxLatencyMs, errorRate } = settings;
  const delay = minLatencyMs + Math.random() * (maxLatencyMs - minLatencyMs);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  if (errorRate > 0 && Math.random() < errorRate) {
    throw new ApiError(503, 'The service is busy.', {
      code: 'injected-fault',
      detail: 'A fault was injected by the demo settings. Try again.',
    });
  }
}
