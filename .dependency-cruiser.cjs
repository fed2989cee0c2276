/**
 * The layering of DESIGN.md §3, checked in `npm test` (`npm run lint:deps`):
 * infra → functions → shared, operations never speak HTTP, and no two folders lean on each other.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'nothing-imports-infra',
      comment:
        'infra/ holds CDK and the local runtime; Lambda code reads the route table and table from shared/.',
      severity: 'error',
      from: { path: '^(shared|functions)/' },
      to: { path: '^infra/' },
    },
    {
      name: 'shared-never-imports-functions',
      comment: 'Handlers sit on top of shared/, never under it.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^functions/' },
    },
    {
      name: 'areas-never-speak-http',
      comment: 'Operations take a principal and input and return data; the route wrapper owns HTTP.',
      severity: 'error',
      from: { path: '^shared/', pathNot: '^shared/http/' },
      to: { path: '^shared/http/' },
    },
    {
      name: 'views-are-types-only',
      comment:
        'Output schemas (shared/<area>/views.ts) are for types and the OpenAPI document; Lambda code imports them with `import type` so they stay out of bundles.',
      severity: 'error',
      from: { path: '^(shared|functions)/', pathNot: '/views\\.ts$' },
      to: { path: '^shared/[^/]+/views\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-cycle-between-folders',
      comment: 'Areas never import each other both ways: reactions that cross areas live in shared/flows/.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(shared|functions|infra)/' },
      to: { circular: true },
    },
    {
      name: 'no-cycle-between-modules',
      severity: 'error',
      from: { path: '^(shared|functions|infra)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|cdk\\.out|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
