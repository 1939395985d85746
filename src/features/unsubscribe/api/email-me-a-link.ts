import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

/** Always answered the same way, whether or not the address is a customer's. */
export const emailMeALink = (email: string) => unwrap(api.POST('/preference-links', { body: { email } }));

export const useEmailMeALink = () => useMutation({ mutationFn: emailMeALink });
