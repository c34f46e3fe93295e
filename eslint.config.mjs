// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Generated output and inputs that are data, not code.
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'content/',
      'reports/',
      'bench-results/',
      'tests/fixtures/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: {
      // Scripts and tests run in Node; client modules under src/ run in the browser.
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // Destructuring a key beside a rest (`{ labels: _labels, ...rest }`) is how an object is copied
      // without that key; the named key is unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
);
