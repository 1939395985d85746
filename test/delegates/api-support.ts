import { apiUrl, change, signIn } from '../api-backends';
import { callVia, grantDirectly as grantInStore } from './support';

// test/delegates/support.ts for the API suites, which run on every backend (test/api-backends.ts):
// calls go to the backend under test, sessions and grants are stored where it keeps them.

export { dayFromToday } from './support';

export const call = callVia(apiUrl);

export const tokenFor = async (persona: string) => (await signIn(persona)).token;

export const grantDirectly = (...args: Parameters<typeof grantInStore>) => change(() => grantInStore(...args));
