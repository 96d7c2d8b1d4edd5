import { useEffect, useState } from 'react';
import { useLocation, useRouter } from 'wouter';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';

/**
 * The in-app target of a plain left click on a same-origin link inside the router's base, or null. A link outside
 * the base (another cluster's `/c/NAME/…`) loads a new page, so the browser's own prompt asks, once.
 */
function inAppTarget(event: MouseEvent, base: string): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  if (base && url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return null;
  return `${url.pathname.slice(base.length) || '/'}${url.search}${url.hash}`;
}

/**
 * While `active`, asks before the page is left: the browser's own prompt on reload or close (beforeunload), and a
 * dialog for links inside the console (caught before the router sees the click). Returns the dialog to render.
 */
export function useLeaveGuard(active: boolean, what: string) {
  const [, navigate] = useLocation();
  const { base } = useRouter();
  const [target, setTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      const to = inAppTarget(event, base);
      if (to === null) return;
      event.preventDefault();
      event.stopPropagation();
      setTarget(to);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [active, base]);

  return (
    <ConfirmDialog
      open={target !== null}
      title="Leave with unsaved edits?"
      confirmLabel="Leave"
      cancelLabel="Stay"
      onCancel={() => setTarget(null)}
      onConfirm={() => {
        const to = target;
        setTarget(null);
        if (to) navigate(to);
      }}
    >
      <p>{what} are not saved. They stay in this browser as a draft, offered back when you return to this page.</p>
    </ConfirmDialog>
  );
}
