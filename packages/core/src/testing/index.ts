export * from './describe-each-dialect.ts';
export * from './test-databases.ts';
