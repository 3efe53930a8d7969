import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', simulator: 'src/simulator/index.ts' },
  format: 'esm',
  dts: true,
  clean: true,
});
