import { usePropagation } from '../api/get-propagation';
import { SystemConfirmations } from './system-confirmations';

/** On the contact choices page: the account's latest opt-out. `change` is the choices' version. */
export function AccountConfirmations({ accountId, change }: { accountId: string; change: number }) {
  const propagation = usePropagation(accountId, change);
  return <SystemConfirmations propagation={propagation.data} />;
}
