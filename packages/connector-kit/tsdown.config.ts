import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    testing: 'src/testing/index.ts',
    'contract-suite': 'src/contract-suite/index.ts',
  },
  format: 'esm',
  dts: true,
  clean: true,
});
