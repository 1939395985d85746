import { RequireSignIn } from '../require-sign-in';
import { RouteError } from '../route-error';
import { Placeholder } from './placeholder';

export function Component() {
  return (
    <RequireSignIn>
      <Placeholder namespace="account" />
    </RequireSignIn>
  );
}

export { RouteError as ErrorBoundary };
