// The WAL checkpointer's thread (see wal-checkpointer.ts). Plain JavaScript: it needs only better-sqlite3, so
// it starts without the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const { file, intervalMs } = workerData;
const sqlite = new SQLite(file);
// As the server's own connections: the checkpoint's fsyncs are what makes NORMAL durable.
sqlite.pragma('synchronous = NORMAL');
// Another checkpoint (another process's checkpointer, a backstop) holding the lock: skip this turn, no wait.
sqlite.pragma('busy_timeout = 0');

const checkpoint = () => {
  try {
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') parentPort.postMessage(String(error));
  }
};
const timer = setInterval(checkpoint, intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  sqlite.close();
  parentPort.close();
});
