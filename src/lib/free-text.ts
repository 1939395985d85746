// Invisible control characters and direction overrides (not tabs or line breaks).
// eslint-disable-next-line no-control-regex
const invisible = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Free text as we keep it: invisible characters dropped, spaces trimmed at both ends. */
export const cleanFreeText = (value: string) => value.replace(invisible, '').trim();
