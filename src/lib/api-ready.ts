// API calls wait for the mock worker; the page shell does not.
let ready: Promise<unknown> = Promise.resolve();

export const setApiReady = (promise: Promise<unknown>) => {
  ready = promise;
};
export const apiReady = () => ready;
