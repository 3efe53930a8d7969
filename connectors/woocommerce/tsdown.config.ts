import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', simulator: 'src/simulator/index.ts' },
  format: 'esm',
  // .mjs / .d.mts, as publishConfig.exports names them (tsdown writes .js for type:module packages otherwise).
  fixedExtension: true,
  dts: true,
  clean: true,
});
