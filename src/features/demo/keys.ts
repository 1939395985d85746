export const demoKeys = {
  all: ['demo'] as const,
  faults: () => [...demoKeys.all, 'faults'] as const,
  outbox: () => [...demoKeys.all, 'outbox'] as const,
  lag: () => [...demoKeys.all, 'propagation-lag'] as const,
};
