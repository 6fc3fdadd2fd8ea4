import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

/**
 * The layers of src/, ground floor first. A file may import its own layer and the layers below
 * it, never one above, and no import may close a loop (docs/DEVELOPMENT.md explains each layer).
 * "base" is the loose files at the top of src/ (text, errors, version, package root) and io/.
 */
const LAYERS = [
  { name: 'base', paths: ['./src/*.ts', './src/io/**'] },
  { name: 'model', paths: ['./src/model/**'] },
  { name: 'data', paths: ['./src/data/**'] },
  { name: 'core', paths: ['./src/core/**'] },
  { name: 'store', paths: ['./src/store/**'] },
  { name: 'render', paths: ['./src/render/**'] },
  { name: 'prompts', paths: ['./src/prompts/**'] },
  { name: 'cli', paths: ['./src/cli/**'] },
];

/** One zone per layer: its files may not import any layer above it. */
const layerZones = LAYERS.slice(0, -1).flatMap((layer, i) =>
  layer.paths.map((target) => ({
    target,
    from: LAYERS.slice(i + 1).flatMap((above) => above.paths),
    message: `the ${layer.name} layer may not import a layer above it (see docs/DEVELOPMENT.md)`,
  })),
);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Parse imported .ts files too, so no-cycle can follow them.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        // Sources import each other as './x.js' (Node's ESM rule); the file is x.ts.
        createNodeResolver({
          extensions: ['.ts', '.js'],
          extensionAlias: { '.js': ['.ts', '.js'] },
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  { files: ['bin/**', 'scripts/**', '__tests__/**'], rules: { 'no-console': 'off' } },
  // The bin shim is CommonJS on purpose (see its comment).
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
