// Entry of the sync thread. Module loader hooks registered in the main thread (tsx, under `ballast serve` or a
// test runner) do not reach a worker thread on Node 20, so the thread registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./sync-thread-main.ts');
