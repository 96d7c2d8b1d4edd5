import { useEffect, useRef, useState } from 'react';

/**
 * After a refused submit, focus goes to the first field marked `aria-invalid` in the form, once the errors have
 * rendered: a keyboard or screen-reader user lands on what to fix instead of staying on the submit button.
 */
export function useFocusFirstInvalid<T extends HTMLElement = HTMLFormElement>() {
  const ref = useRef<T>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests === 0) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [requests]);
  return { ref, focusFirstInvalid: () => setRequests((n) => n + 1) };
}
