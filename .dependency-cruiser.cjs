/** Import rules of ../shared/STYLE.md, enforced as errors in CI (`npm run lint`). */
module.exports = {
  forbidden: [
    {
      name: 'platform-knows-no-module',
      comment: 'platform/ is infrastructure: it imports nothing from modules/ or web/',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|web)/' },
    },
    {
      name: 'modules-through-index',
      comment: 'a module imports another only through its index.ts',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'rules-are-pure',
      comment: 'rules/ does no I/O: no database, HTTP, file system or other layers',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/rules/' },
      to: {
        path: ['^src/platform/(db|http|jobs|audit)/', '^src/web/', '^src/modules/[^/]+/(queries|api|pages|commands|jobs)', '^node_modules/(pg|drizzle-orm|fastify|pg-boss)/'],
      },
    },
    {
      name: 'rules-no-node-io',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/rules/' },
      to: { dependencyTypes: ['core'], path: '^(fs|net|http|https|child_process|node:fs|node:net|node:http|node:https|node:child_process)$' },
    },
    {
      name: 'web-knows-no-module',
      comment: 'web/ holds the layout and shared components; modules use it, not the reverse',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/modules/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '(^test/|\\.test\\.tsx?$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.tsx?$' },
  },
};
