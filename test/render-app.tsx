import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/routes';
import { setupI18n, type Language } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';
import { setActiveAccountId, setSession } from '@/lib/session';
import { signIn } from '@/backend/domain/auth';

type Options = { persona?: string; accountId?: string; language?: Language };

/** Signs a persona in directly in the mock store, as the sign-in page would. */
export function signInAs(persona: string, accountId?: string) {
  const { token } = signIn(persona);
  setSession(token);
  if (accountId) setActiveAccountId(accountId);
  return token;
}

/** Renders the real router, providers and mock API at `route`, optionally signed in. */
export function renderApp(route: string, { persona, accountId, language = 'en' }: Options = {}) {
  if (persona) signInAs(persona, accountId);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(routes, { initialEntries: [route] });
  const user = userEvent.setup();
  const result = render(
    <AppProvider queryClient={queryClient} i18n={setupI18n(language)}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, user, router, queryClient };
}
