import { defineConfig } from 'vitest/config';

/**
 * Three projects. Tests without a DOM (the domain library, the API layer, the local cluster, pure view logic:
 * `*.test.ts`) run in Node; a `.ts` test that needs storage says `@vitest-environment jsdom` in its first line. Tests
 * that render (`*.test.tsx`) share one jsdom and one module graph per worker (isolate: false; test-setup.ts resets
 * what a test may leave behind), which takes the DOM tests from ~35 s to ~10 s here. A DOM test that replaces a
 * module with vi.mock cannot share the graph: it is named `*.isolated.test.tsx`.
 */
export default defineConfig({
  test: {
    // Vitest's default is one worker per core minus one: a single worker on this 2-core machine. The local cluster's
    // tests spend much of their time waiting on child processes and HTTP, so three keep both cores busy.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: './vite.config.ts',
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          exclude: ['src/**/*.isolated.test.tsx'],
          setupFiles: ['./src/test-setup.ts'],
          isolate: false,
        },
      },
      {
        extends: './vite.config.ts',
        test: {
          name: 'web-isolated',
          environment: 'jsdom',
          include: ['src/**/*.isolated.test.tsx'],
          setupFiles: ['./src/test-setup.ts'],
        },
      },
    ],
  },
});
