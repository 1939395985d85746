/** A plain check that an address looks like name@domain.tld. Shared by the form and the mock API. */
export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const emailMaxLength = 254;
