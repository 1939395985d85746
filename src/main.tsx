import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/routes';
import { env } from '@/config/env';
import { setApiReady } from '@/lib/api-ready';
import { setupI18n } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';
import './styles.css';

// The mock worker starts in parallel with the first paint; only API calls wait for it, and each
// call first makes sure it is still there (it goes when its last page closes). The literal test
// (not env.apiMock) lets a real-API build drop the mock chunk altogether.
if (import.meta.env.VITE_API_MOCK === 'true') {
  const ensureMockApi = import('./mocks/browser').then((m) => m.startMockApi());
  setApiReady(() => ensureMockApi.then((ensure) => ensure()));
}

const router = createBrowserRouter(routes, { basename: env.basePath });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider queryClient={createQueryClient()} i18n={setupI18n()}>
      <RouterProvider router={router} />
    </AppProvider>
  </StrictMode>,
);
