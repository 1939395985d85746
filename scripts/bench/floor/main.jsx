// The size floor of the given stack: react + react-dom + react-router + react-query + i18next
// (+ react-i18next), using the same APIs the app shell uses, and nothing of our own.
import { createRoot } from 'react-dom/client';
import {
  createBrowserRouter,
  RouterProvider,
  Link,
  NavLink,
  Outlet,
  useNavigation,
  ScrollRestoration,
} from 'react-router';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: { hello: 'Hello' } } } });

function Layout() {
  const navigation = useNavigation();
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['x'], queryFn: () => 1 });
  return (
    <div data-state={navigation.state}>
      {t('hello')} {query.data}
      <Link to="/">home</Link>
      <NavLink to="/a">a</NavLink>
      <Outlet />
      <ScrollRestoration />
    </div>
  );
}

const router = createBrowserRouter([{ path: '/', Component: Layout }]);
createRoot(document.getElementById('root')).render(
  <QueryClientProvider client={new QueryClient()}>
    <RouterProvider router={router} />
  </QueryClientProvider>,
);
