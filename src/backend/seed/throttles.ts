/**
 * Recent attempts that count towards a limit: per bucket (what is being limited), per key (who or
 * what is trying), the ISO times of the attempts. Only attempts inside the bucket's window are kept.
 */
export type ThrottlesState = Record<string, Record<string, string[]>>;

export function seedThrottles(): ThrottlesState {
  return {};
}
