export { createApp } from './app.ts';
export type { AppDeps, SecretBox } from './deps.ts';
