import { firstPaintTests } from './first-paint';

// The demo: the preview build with the mock API in the page.
firstPaintTests({ shape: 'demo' });
