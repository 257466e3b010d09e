// Module boundaries, checked by `npm run lint` (depcruise). See ARCHITECTURE.md "Boundaries".
// No known violations remain (.dependency-cruiser-known-violations.json is empty and the check runs without
// --ignore-known): where two features need each other, the lower one takes a port (see ARCHITECTURE.md).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A runtime import cycle makes module load order matter (TDZ errors); type-only imports are fine.',
      severity: 'error',
      from: { path: '^(src|web/src)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the pure rules: no database, no HTTP, no feature code.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: ['^src/domain/', '^src/shared/(calendar-date|clock)\\.ts$'] },
    },
    {
      name: 'shared-is-a-leaf',
      comment:
        'src/shared is used by everything and uses no feature (http.ts is the route wiring and names the access rule type).',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: '^src/shared/http\\.ts$' },
      to: { path: '^src/features/' },
    },
    {
      name: 'routes-are-wired-by-the-app',
      comment: 'Only the composition root registers routes; shared constants live in <feature>.config.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app\\.ts$', '\\.test\\.ts$'] },
      to: { path: '\\.routes\\.ts$', pathNot: '^src/features/([^/]+)/.*habilitet\\.routes\\.ts$' },
    },
    {
      name: 'features-through-their-index',
      comment:
        'A feature uses another feature only through its index.ts (tables are the shared data model). The composition root (app, main, bootstrap, cli) may wire anything.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: {
        path: '^src/features/',
        pathNot: [
          '^src/features/$1/',
          '^src/features/[^/]+/index\\.ts$',
          '\\.tables\\.ts$',
          '\\.schemas\\.ts$',
        ],
      },
    },
    {
      name: 'schemas-are-the-contract',
      comment:
        'A zod schema file is the API contract the web app bundles: it may use other schemas, enums and pure rules, never a feature index, service or repo (those would pull server code into the browser).',
      severity: 'error',
      from: { path: '\\.schemas\\.ts$' },
      to: {
        path: '^src/',
        pathNot: ['\\.schemas\\.ts$', '\\.tables\\.ts$', '\\.rules\\.ts$', '^src/domain/', '^src/shared/'],
      },
    },
    {
      name: 'web-reads-only-the-contract',
      comment: 'The web app imports the server only for its contract: zod schemas, pure rules and enums.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: {
        path: '^src/',
        pathNot: [
          '\\.schemas\\.ts$',
          '^src/domain/',
          '^src/shared/(schemas|enums|calendar-date)\\.ts$',
          '^src/features/auth/access\\.rules\\.ts$',
          '^src/features/auth/sso/sso-identity\\.rules\\.ts$',
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^data/', 'node_modules'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
