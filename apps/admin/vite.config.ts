import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// `pnpm dev` proxies the API to a server started separately (`ballast serve`), so cookies stay same-origin.
const apiTarget = process.env.BALLAST_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [solid()],
  server: { proxy: { '/api': { target: apiTarget, changeOrigin: false } } },
  build: { target: 'es2022', sourcemap: true },
});
