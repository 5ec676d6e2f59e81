// Integration suite: real databases. PGlite by default; PostgreSQL when DATABASE_URL is set.
module.exports = {
  spec: [
    'packages/*/test/**/*.int.spec.ts',
    'plugins/*/test/**/*.int.spec.ts',
    'examples/*/test/**/*.int.spec.ts',
    'test/integration/**/*.spec.ts',
  ],
  ignore: ['**/node_modules/**'],
  'node-option': ['conditions=darcha-source', 'import=tsx'],
  'forbid-only': true,
  reporter: 'spec',
  timeout: 60000,
  exit: false,
};
