import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setOperatorName } from './api/audit-author.ts';
import { setAuthRequired } from './api/auth-required.ts';
import { setCredentials } from './api/credentials.ts';
import { resetWritePermissions } from './api/write-permissions.ts';
import { setThemeChoice } from './app/theme.ts';
import { resetTrackedChanges } from './components/convergence/convergence-store.ts';

// The DOM tests share one jsdom and one module graph per worker (isolate: false in vitest.config.ts): what a test
// leaves in storage or in the console's module state must not reach the next file.
afterEach(() => {
  cleanup();
  setOperatorName(null);
  setCredentials(null);
  setAuthRequired(false);
  resetWritePermissions();
  resetTrackedChanges();
  setThemeChoice('system');
  localStorage.clear();
  sessionStorage.clear();
});

// jsdom has no modal dialogs; opening one just sets `open`.
HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
};
