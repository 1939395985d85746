import { RouteError } from '../route-error';
import { Placeholder } from './placeholder';

export function Component() {
  return <Placeholder namespace="unsubscribe" />;
}

export { RouteError as ErrorBoundary };
