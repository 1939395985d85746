import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';

type LinkState = { linkToken?: string } | null;

/**
 * The link token from `?t=`. It leaves the address bar at once (a replace, so it is not in the
 * history or a referrer either) and is kept in this history entry's state instead, so the page
 * still holds it when it is shown again: a reload, or the page being put together afresh.
 */
export function useLinkToken() {
  const location = useLocation();
  const navigate = useNavigate();
  const fromUrl = new URLSearchParams(location.search).get('t');
  const kept = (location.state as LinkState)?.linkToken ?? null;
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const token = params.get('t');
    if (token === null) return;
    params.delete('t');
    const search = params.toString();
    void navigate(
      { pathname: location.pathname, search: search ? `?${search}` : '', hash: location.hash },
      { replace: true, preventScrollReset: true, state: { ...(location.state as object), linkToken: token } },
    );
  }, [location, navigate]);
  return fromUrl ?? kept;
}

/** Link problems the customer can do nothing about here: show the plain "this link does not work" page. */
export const isLinkProblem = (status: number) => status >= 400 && status < 500;
