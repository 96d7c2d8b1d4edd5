import { useEffect, useState } from 'react';

/**
 * While a modal is open the page behind it is inert; when it goes away, focus returns to whatever had it before
 * (the button that opened it), if that is still on the page. Read during the first render: by the time effects
 * run, the dialog's showModal has already moved focus inside it.
 */
export function useRestoreFocus(): void {
  const [previous] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      setTimeout(() => {
        if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
      }, 0);
    },
    [previous],
  );
}
