import { useLinkPropagation } from '../api/get-link-propagation';
import { SystemConfirmations } from './system-confirmations';

/** On the unsubscribe page, after a press: what this link's latest opt-out reached. */
export function LinkConfirmations({ token, change }: { token: string; change: string }) {
  const propagation = useLinkPropagation(token, change);
  return <SystemConfirmations propagation={propagation.data} />;
}
