// Unit suite: fast tests with no database. Files named *.spec.ts that are not *.int.spec.ts.
module.exports = {
  spec: ['packages/*/test/**/*.spec.ts', 'plugins/*/test/**/*.spec.ts', 'test/unit/**/*.spec.ts'],
  ignore: ['**/*.int.spec.ts', '**/node_modules/**'],
  'node-option': ['conditions=darcha-source', 'import=tsx'],
  'forbid-only': true,
  reporter: 'dot',
  timeout: 10000,
};
