import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { setAuthRequired } from '../../api/auth-required.ts';
import { getCredentials, setCredentials } from '../../api/credentials.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FieldError } from '../../components/field-error.tsx';
import { useAuthRequired } from './use-auth-state.ts';

const signInSchema = z.object({
  username: z.string().trim().min(1, 'Enter your Druid user name.'),
  password: z.string().min(1, 'Enter your password.'),
});
type SignInValues = z.infer<typeof signInSchema>;

/** Opens when Druid answers 401; the credentials go to sessionStorage only and every query is asked again. */
export function SignInDialog() {
  const open = useAuthRequired();
  const queryClient = useQueryClient();
  const failedBefore = open && getCredentials() !== null;
  const form = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: getCredentials()?.username ?? '', password: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setCredentials(values);
    setAuthRequired(false);
    form.reset({ username: values.username, password: '' });
    await queryClient.invalidateQueries();
  });

  return (
    <Dialog open={open} onClose={() => setAuthRequired(false)} title="Sign in to Druid" size="small">
      <form className="stack" onSubmit={onSubmit} noValidate>
        <p className="muted">
          {failedBefore
            ? 'Druid did not accept these credentials. Check the user name and password.'
            : 'This cluster requires a Druid user. Credentials stay in this browser tab only.'}
        </p>
        <div className="field">
          <label htmlFor="sign-in-username">User name</label>
          <input
            id="sign-in-username"
            autoComplete="username"
            aria-invalid={errors.username ? true : undefined}
            aria-describedby={errors.username ? 'sign-in-username-error' : undefined}
            {...form.register('username')}
          />
          <FieldError id="sign-in-username-error" error={errors.username?.message} />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? 'sign-in-password-error' : undefined}
            {...form.register('password')}
          />
          <FieldError id="sign-in-password-error" error={errors.password?.message} />
        </div>
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <button type="submit" className="primary">
            Sign in
          </button>
        </div>
      </form>
    </Dialog>
  );
}
