import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import { isDruidApiError } from '../api/druid-api-error.ts';
import { localClusterInfoQueryOptions, statusQueryOptions } from '../api/status.ts';
import { OperatorSettingsButton } from '../components/operator-settings/operator-settings-button.tsx';
import './app-shell.css';
import { SignInDialog } from './sign-in/sign-in-dialog.tsx';
import { UserMenu } from './sign-in/user-menu.tsx';
import { ThemeToggle } from './theme-toggle.tsx';

const NAV = [
  { href: '/segments', label: 'Segments' },
  { href: '/kill', label: 'Kill' },
  { href: '/unused-data', label: 'Unused data' },
  { href: '/rules', label: 'Rules' },
  { href: '/history', label: 'History' },
  { href: '/cluster', label: 'Cluster' },
] as const;

function NavLink({ href, label }: { href: string; label: string }) {
  const [active] = useRoute(`${href}/*?`);
  return (
    <Link href={href} className="nav-link" aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
}

function ClusterBadge() {
  const status = useQuery(statusQueryOptions());
  const local = useQuery(localClusterInfoQueryOptions());
  if (status.isError) {
    const signIn = isDruidApiError(status.error) && status.error.isUnauthorized;
    return <span className="badge cluster-badge offline">{signIn ? 'Sign-in required' : 'Druid unreachable'}</span>;
  }
  if (!status.data) return null;
  const where = local.data ? 'local cluster' : 'Druid';
  return <span className="badge cluster-badge">{`${where} ${status.data.version}`}</span>;
}

export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/" className="product-name">
          Druid Data Console
        </Link>
        <nav aria-label="Main">
          {NAV.map((item) => (
            <NavLink key={item.href} {...item} />
          ))}
        </nav>
        <div className="header-end">
          <ClusterBadge />
          <OperatorSettingsButton />
          <UserMenu />
          <ThemeToggle />
        </div>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
      <SignInDialog />
    </div>
  );
}
