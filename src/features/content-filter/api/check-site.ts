import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type SiteCheck = Schema<'SiteCheck'>;

export const checkSite = (url: string) => unwrap(api.POST('/content-filter/site-checks', { body: { url } }));

export const useCheckSite = () => useMutation({ mutationFn: checkSite });
