import { coreHandlers, notFoundHandler } from './core';
import { preferencesHandlers } from './preferences';
import { unsubscribeHandlers } from './unsubscribe';
import { contactHistoryHandlers } from './contact-history';
import { contentFilterHandlers } from './content-filter';
import { delegatesHandlers } from './delegates';
import { needsHandlers } from './needs';
import { propagationHandlers } from './propagation';
import { sendersHandlers } from './senders';

/** The API's route table, in order: the first route that matches a request answers it; the 404 comes last. */
export const routes = [
  ...coreHandlers,
  ...preferencesHandlers,
  ...unsubscribeHandlers,
  ...contactHistoryHandlers,
  ...contentFilterHandlers,
  ...delegatesHandlers,
  ...needsHandlers,
  ...propagationHandlers,
  ...sendersHandlers,
  notFoundHandler,
];
