import type { FieldValues, Resolver } from 'react-hook-form';

export type LazyResolver<Input extends FieldValues, Output> = Resolver<Input, unknown, Output> & {
  /** Starts loading now (the form calls it when someone moves into it), so checking is instant. */
  preload: () => void;
};

/**
 * A form's resolver that is loaded the first time it is needed, not with the page: zod and the
 * form's schema are a chunk of their own, kept out of the page's first render on a phone (issue 12;
 * the schema is still the one the API checks with, decision 13). `load` imports the feature's
 * `form-resolvers.ts`. A failed load is tried again at the next check.
 */
export function lazyResolver<Input extends FieldValues, Output = Input>(
  load: () => Promise<Resolver<Input, unknown, Output>>,
): LazyResolver<Input, Output> {
  let loading: Promise<Resolver<Input, unknown, Output>> | undefined;
  const get = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  const resolver: Resolver<Input, unknown, Output> = async (values, context, options) =>
    (await get())(values, context, options);
  return Object.assign(resolver, { preload: () => void get().catch(() => {}) });
}
