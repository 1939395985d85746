import { channels } from '@/lib/api-types';

// The page's own zod-free rules. What the page and the API both decide with is in
// src/shared/preferences/rules.ts.

const channelNames = channels;

/** The weekly limits form's values: for each channel, blank for no limit or a whole number. */
export type CapsForm = Record<(typeof channelNames)[number], string>;

/** Form values (strings) to the caps part of a patch (numbers or null). */
export const capsFromForm = (form: CapsForm) =>
  Object.fromEntries(
    channelNames.map((channel) => [channel, form[channel] === '' ? null : Number(form[channel])]),
  ) as Record<(typeof channelNames)[number], number | null>;
