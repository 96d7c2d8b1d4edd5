import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = process.env.DRUID_CONSOLE_SERVER ?? 'http://127.0.0.1:8888';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/druid': server, '/status': server, '/local-cluster': server, '/proxy': server },
  },
  build: { target: 'es2022', sourcemap: true, reportCompressedSize: true },
});
