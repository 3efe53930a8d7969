export * from './figure.ts';
export * from './measure.ts';
export * from './report.ts';
