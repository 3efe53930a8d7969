export { chunk } from '@ballast/core';
