import { coreHandlers, notFoundHandler } from './core';
import { preferencesHandlers } from './preferences';
import { unsubscribeHandlers } from './unsubscribe';
import { contactHistoryHandlers } from './contact-history';
import { contentFilterHandlers } from './content-filter';
import { delegatesHandlers } from './delegates';
import { needsHandlers } from './needs';
import { propagationHandlers } from './propagation';

export const handlers = [
  ...coreHandlers,
  ...preferencesHandlers,
  ...unsubscribeHandlers,
  ...contactHistoryHandlers,
  ...contentFilterHandlers,
  ...delegatesHandlers,
  ...needsHandlers,
  ...propagationHandlers,
  notFoundHandler,
];
