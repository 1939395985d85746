import { setupServer } from 'msw/node';
import { handlers } from '@/backend/handlers';

export const server = setupServer(...handlers);
