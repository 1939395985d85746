import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import { useToken } from '@/lib/session';

/** Pages behind sign-in send a signed-out visitor to sign in, then back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const token = useToken();
  const location = useLocation();
  if (!token) return <Navigate to={paths.signIn(location.pathname + location.search)} replace />;
  return children;
}
