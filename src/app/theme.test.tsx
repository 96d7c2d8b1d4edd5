import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setThemeChoice, useTheme } from './theme.ts';
import { ThemeToggle } from './theme-toggle.tsx';

function ToastTheme() {
  const [theme] = useTheme();
  return <output aria-label="Toast theme">{theme}</output>;
}

describe('theme', () => {
  afterEach(() => act(() => setThemeChoice('system')));

  it('is one choice for the page: the toggle sets it, the root and every reader (the toasts) follow', () => {
    render(
      <>
        <ThemeToggle />
        <ToastTheme />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: /^System theme/ }));
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(screen.getByRole('status', { name: 'Toast theme' })).toHaveTextContent('light');
    fireEvent.click(screen.getByRole('button', { name: /^Light theme/ }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(screen.getByRole('status', { name: 'Toast theme' })).toHaveTextContent('dark');
    expect(localStorage.getItem('druid-console.theme')).toBe('dark');
  });
});
