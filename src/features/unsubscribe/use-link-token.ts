import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * Reads the link token from `?t=` once, keeps it in memory, and removes it from the
 * address bar (a replace, so it is not in the history either).
 */
export function useLinkToken() {
  const location = useLocation();
  const navigate = useNavigate();
  const fromUrl = new URLSearchParams(location.search).get('t');
  const [token, setToken] = useState(fromUrl);
  // A new link opened while the page is showing replaces the old token.
  if (fromUrl !== null && fromUrl !== token) setToken(fromUrl);
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    if (!params.has('t')) return;
    params.delete('t');
    const search = params.toString();
    void navigate(
      { pathname: location.pathname, search: search ? `?${search}` : '', hash: location.hash },
      { replace: true, preventScrollReset: true },
    );
  }, [location, navigate]);
  return token;
}

/** Link problems the customer can do nothing about here: show the plain "this link does not work" page. */
export const isLinkProblem = (status: number) => status >= 400 && status < 500;
