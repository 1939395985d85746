/**
 * Runs async work one at a time, in the order asked. The shared rules keep the state in one
 * module-level `db`, so two requests in one process (or one tab without Web Locks) must not overlap.
 */
export function takeTurns() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(run: () => Promise<T>): Promise<T> => {
    const result = tail.then(run);
    tail = result.catch(() => {});
    return result;
  };
}
