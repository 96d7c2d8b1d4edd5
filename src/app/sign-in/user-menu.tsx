import { useQueryClient } from '@tanstack/react-query';
import { setCredentials } from '../../api/credentials.ts';
import { useCredentials } from './use-auth-state.ts';

/** Who is signed in, and a way out that forgets the credentials and every cached answer. */
export function UserMenu() {
  const credentials = useCredentials();
  const queryClient = useQueryClient();
  if (!credentials) return null;
  return (
    <span className="row">
      <span className="muted">
        Signed in as <strong>{credentials.username}</strong>
      </span>
      <button
        type="button"
        className="ghost"
        onClick={() => {
          setCredentials(null);
          queryClient.clear();
        }}
      >
        Sign out
      </button>
    </span>
  );
}
