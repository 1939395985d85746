import { useActiveAccountId } from '@/lib/session';
import { useMe } from './get-me';

/**
 * The account being acted on: the saved choice if the person may still act on it,
 * otherwise their own account, otherwise none.
 */
export function useActiveAccount() {
  const me = useMe();
  const savedId = useActiveAccountId();
  const accounts = me.data?.accounts ?? [];
  const active =
    accounts.find((a) => a.accountId === savedId) ?? accounts.find((a) => a.role === 'holder') ?? accounts[0] ?? null;
  return { me, active, accounts };
}
