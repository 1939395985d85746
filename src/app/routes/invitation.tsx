import { RouteError } from '../route-error';
import { Placeholder } from './placeholder';

export function Component() {
  return <Placeholder namespace="delegates" />;
}

export { RouteError as ErrorBoundary };
