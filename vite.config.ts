import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = process.env.DRUID_CONSOLE_SERVER ?? 'http://127.0.0.1:8888';

export default defineConfig({
  plugins: [react()],
  server: {
    // Everything the console server answers itself; `/clusters/` and `/console/` (with their slash, so the screens
    // under /cluster and /c/NAME/ stay Vite's) make `npm run dev -- --cluster a=URL --cluster b=URL` work.
    proxy: {
      '/druid': server,
      '/status': server,
      '/local-cluster': server,
      '/proxy': server,
      '/clusters/': server,
      '/console/': server,
    },
  },
  build: { target: 'es2022', sourcemap: true, reportCompressedSize: true },
});
