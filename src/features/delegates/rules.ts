// The pages' own rules; what the API also uses is in src/shared/delegates/rules.ts.

/** Today's date in the UK, the day the form checks "after today" against. */
export const localToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
