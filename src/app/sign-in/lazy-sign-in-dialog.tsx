import { setAuthRequired } from '../../api/auth-required.ts';
import { lazyPage } from '../lazy-page.ts';
import { useLazyPart } from '../use-lazy-part.ts';
import { useAuthRequired } from './use-auth-state.ts';

// Its form brings react-hook-form and the zod resolver, about a tenth of the first load, for a cluster with auth only.
const SignInDialog = lazyPage(() => import('./sign-in-dialog.tsx').then((m) => m.SignInDialog));

/** The sign-in dialog, loaded on the first 401. A failed load drops the request: the next 401 asks again. */
export function LazySignInDialog() {
  const required = useAuthRequired();
  const loaded = useLazyPart(SignInDialog, 'Sign-in', required, dropSignInRequest);
  return loaded ? <SignInDialog /> : null;
}

const dropSignInRequest = () => setAuthRequired(false);
