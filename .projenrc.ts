import { cdk8s, javascript, JsonFile } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-storage',
  description: 'Typed cdk8s constructs for Kubernetes storage whose wrong modes do not compile and whose unsafe manifests do not synthesize.',
  author: 'cdk8s-storage maintainers',
  authorAddress: 'maintainers@users.noreply.h-seed-9f514156.example',
  repositoryUrl: 'https://github.com/cdk8s-storage/cdk8s-storage.git',
  license: 'Apache-2.0',
  keywords: ['cdk8s', 'kubernetes', 'storage', 'statefulset', 'persistentvolume', 'csi'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  cdk8sVersion: '2.70.106',
  constructsVersion: '10.3.0',
  jsiiVersion: '~6.0.0',
  peerDeps: ['cdk8s-plus-27@^2.9.5'],
  // The guard CLI parses YAML (js-yaml: 6x faster than yaml on 10000 documents);
  // jsii libraries bundle their non-jsii runtime dependencies. The map command lays
  // out its HTML page with Graphviz compiled to WebAssembly (no system Graphviz).
  bundledDeps: ['js-yaml@^4', '@viz-js/viz@^3'],
  bin: { 'cdk8s-storage': 'bin/cdk8s-storage.js' },
  devDeps: [
    'typescript@~6.0.3',
    '@types/node@^20',
    'kubernetes-models@^4',
    'tsconfig-paths@^4',
    'ajv@^8',
    'yaml@^2',
    '@types/js-yaml@^4',
    // The real cdk8s CLI, to test StorageCheckPlugin under `cdk8s synth --validate`.
    'cdk8s-cli@^2',
    // What `cdk8s init typescript-app` installs today: claims must mount with it too.
    'cdk8s-plus-33@^2.5',
    // Released in August 2026: claims must mount with it as with -28 to -33.
    'cdk8s-plus-34@^2',
    // SARIF: the types the report is written against, and Microsoft's SARIF SDK
    // (the validator and the 2.1.0 schema it ships) that the tests check it with.
    '@types/sarif@^2.1.7',
    '@microsoft/sarif-multitool@^5.7.0',
    'ajv-formats@^3',
    // Parses the JUnit reports in the tests.
    'fast-xml-parser@^5',
  ],

  // The examples import 'cdk8s-storage' exactly as users do; in this repository
  // that name points at src/ (jest, tsc and ts-node all honour the mapping).
  tsconfigDev: {
    compilerOptions: {
      paths: { 'cdk8s-storage': ['../src/index.ts'] },
    },
    include: ['../examples/**/*.ts', '../bench/**/*.ts'],
  },
  jestOptions: {
    // projen's default runs jest with --updateSnapshot, which makes a changed
    // snapshot pass silently. Snapshots must be updated on purpose.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      moduleNameMapper: { '^cdk8s-storage$': '<rootDir>/src/index.ts' },
      testMatch: ['<rootDir>/test/**/*.test.ts'],
    },
  },

  eslintOptions: { dirs: ['src'], devdirs: ['test', 'examples', 'bench', 'projenrc', '.projenrc.ts'] },

  // jsii targets, named as the cdk8s ecosystem names its own (cdk8s-plus-27:
  // python cdk8s_plus_27, java org.cdk8s.plus27, dotnet Org.Cdk8s.Plus27, go
  // github.com/cdk8s-team/cdk8s-plus-go), under this project's GitHub owner.
  // Nothing is published from here (release: false): CI generates each
  // target's code with jsii-pacmak --code-only (.ci/jsii-targets).
  publishToPypi: { distName: 'cdk8s-storage', module: 'cdk8s_storage' },
  publishToMaven: { javaPackage: 'io.github.cdk8s_storage', mavenGroupId: 'io.github.cdk8s-storage', mavenArtifactId: 'cdk8s-storage' },
  publishToNuget: { dotNetNamespace: 'Cdk8sStorage', packageId: 'Cdk8sStorage' },
  publishToGo: { moduleName: 'github.com/cdk8s-storage/cdk8s-storage-go' },

  // No GitHub workflows: CI is .ci/run on a clean clone.
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  // examples/*/node_modules holds the stand-in package the examples' validation plugin loads (examples/package-stand-in.ts).
  gitignore: ['examples/*/dist/', 'examples/*/node_modules/', 'bench/results/'],
});

// ts-jest does not type-check (isolatedModules), so `// @ts-expect-error` lines
// in test/types/ would be inert without this step. It also type-checks the
// example apps and the benchmark through the tsconfigDev includes above.
project.testTask.prependExec('tsc --noEmit -p test/tsconfig.json');

// jsii's reserved-word and naming warnings fail the build: a name that is a
// keyword in Python, Java, C# or Go breaks those bindings (projen silences them).
project.compileTask.reset('jsii --fail-on-warnings');

// Every jsii target's code, generated without packaging (PyPI, Maven Central,
// NuGet and the Go proxy are out of reach here): .ci/run runs it.
project.addTask('jsii-targets', {
  description: 'Generate the Python, Java, .NET and Go bindings with jsii-pacmak --code-only (into dist/code)',
  exec: 'jsii-pacmak --code-only --outdir dist/code --targets python,java,dotnet,go',
});

project.addTask('examples', {
  description: 'Synthesize every example app into examples/<name>/dist with the real cdk8s CLI (cdk8s synth)',
  exec: 'ts-node --transpile-only --project test/tsconfig.json examples/synth-all.ts',
});

project.addTask('readme-map', {
  description: 'Redraws the README\'s map of an example app (its Mermaid source and docs/storage-map.svg)',
  exec: 'node -r ts-node/register/transpile-only -r tsconfig-paths/register test/helpers/readme-map.ts',
  env: { TS_NODE_PROJECT: 'test/tsconfig.json' },
});
project.addTask('readme-rules', {
  description: 'Regenerate the rule tables of README.md from the rules of check and guard',
  exec: 'ts-node --transpile-only --project test/tsconfig.json test/helpers/readme-rules.ts',
});

const bench = project.addTask('bench', {
  description: 'Synthesis benchmarks: each construct beside the same objects written raw, with cdk8s-plus-27 where it has an equivalent',
  env: { TS_NODE_PROJECT: 'test/tsconfig.json' },
});
for (const name of ['statefulstore', 'local', 'day2', 'guard', 'engines']) {
  bench.exec(`node --expose-gc -r ts-node/register/transpile-only -r tsconfig-paths/register bench/${name}.bench.ts`);
}

// The examples and the bench run from source with ts-node: these configs give
// ts-node (and tsconfig-paths, and eslint) the path mapping when run from their folder.
for (const dir of ['examples', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      'extends': '../test/tsconfig.json',
      'compilerOptions': { noEmit: true },
      'include': ['./**/*.ts', '../src/**/*.ts'],
      'ts-node': { require: ['tsconfig-paths/register'] },
    },
  });
}

// eslint resolves 'cdk8s-storage' in the examples through the same path mapping.
project.tryFindObjectFile('.eslintrc.json')?.addOverride(
  'settings.import/resolver.typescript', { project: ['./tsconfig.json', './test/tsconfig.json'], alwaysTryTypes: true, noWarnOnMultipleProjects: true },
);

project.npmignore?.exclude('/examples/', '/bench/', '/.ci/');
project.npmignore?.include('/bin/');

// The public corpus is kept byte for byte as its sources have it (one file has CRLF line ends).
project.gitattributes.addAttributes('/test/corpus/**/*.yaml', '-text');
project.gitattributes.addAttributes('/test/corpus/**/*.yml', '-text');

project.synth();
