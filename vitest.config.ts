import { defineConfig } from 'vitest/config';

// Two projects: the browser code runs in jsdom, the domain library and the local cluster in Node.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/druid/**/*.test.ts', 'src/api/**/*.test.ts', 'server/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: './vite.config.ts',
        test: {
          name: 'web',
          environment: 'jsdom',
          include: [
            'src/**/*.test.tsx',
            'src/components/**/*.test.ts',
            'src/features/**/*.test.ts',
            'src/app/**/*.test.ts',
          ],
          setupFiles: ['./src/test-setup.ts'],
        },
      },
    ],
  },
});
