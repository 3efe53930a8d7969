// A thread that raises the SharedCounterSignal whose buffer it is given, once it is told to. Loader hooks of
// the test runner do not reach a worker thread on Node 20, so the thread registers tsx itself to load the class.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { SharedCounterSignal } = await import('../../src/shared/shared-counter-signal.ts');
const signal = new SharedCounterSignal(workerData);
parentPort.on('message', () => signal.raise());
parentPort.postMessage('ready');
