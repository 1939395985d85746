import { zodResolver } from '@hookform/resolvers/zod';
import { needsFormSchema } from './schemas';

// The form's resolver, with zod: the form imports this file only when first checked or focused.

export const needsResolver = zodResolver(needsFormSchema);
