// API calls wait for the API to be ready (in the demo, the mock worker); the page shell does not.
// The check runs before every call, so a mock worker that has gone away can be started again.
type ReadyCheck = () => Promise<unknown>;
let ready: ReadyCheck = () => Promise.resolve();

export const setApiReady = (check: ReadyCheck) => {
  ready = check;
};
export const apiReady = () => ready();
