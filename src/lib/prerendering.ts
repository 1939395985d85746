import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * True while the page is rendered at build time and while the browser hydrates that HTML; false
 * from the render after (and always in a page the browser renders itself). Anything the build
 * cannot know — who is signed in, a link's token in the address — waits for false, so the
 * hydrating render matches the HTML exactly.
 */
export const usePrerendering = () =>
  useSyncExternalStore(
    subscribe,
    () => false,
    () => true,
  );
