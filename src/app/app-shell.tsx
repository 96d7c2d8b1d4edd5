import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useRef } from 'react';
import { Link, useRoute } from 'wouter';
import { isDruidApiError } from '../api/druid-api-error.ts';
import { localClusterInfoQueryOptions, statusQueryOptions } from '../api/status.ts';
import { OperatorSettingsButton } from '../components/operator-settings/operator-settings-button.tsx';
import { ClusterBand, ClusterSwitcher } from '../features/clusters/cluster-switcher.tsx';
import './app-shell.css';
import { LazyConvergenceIndicator } from './lazy-convergence-indicator.tsx';
import { LazySignInDialog } from './sign-in/lazy-sign-in-dialog.tsx';
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
  const main = useRef<HTMLElement>(null);
  return (
    <div className="app-shell">
      {/* First tab stop. Focuses <main> itself (a bare #main link only moves where the next Tab starts, and adds a
          history entry), so the next Tab lands on the view's first control. */}
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link, and its href still works without the handler. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <ClusterBand />
      <header className="app-header">
        {/* Out of the tab order: it goes where the "Segments" link goes, one stop fewer before the view. */}
        <Link href="/" className="product-name" tabIndex={-1}>
          Druid Data Console
        </Link>
        <nav aria-label="Main">
          {NAV.map((item) => (
            <NavLink key={item.href} {...item} />
          ))}
        </nav>
        <div className="header-end">
          <ClusterSwitcher />
          <LazyConvergenceIndicator />
          <ClusterBadge />
          <OperatorSettingsButton />
          <UserMenu />
          <ThemeToggle />
        </div>
      </header>
      <main id="main" className="app-main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <LazySignInDialog />
    </div>
  );
}
