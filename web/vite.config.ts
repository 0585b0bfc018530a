import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Firestore's Pipelines-only regex engine; src/lib/firebase/re2jsOmitted.ts says why.
const withoutRe2js = {
  find: /^re2js$/,
  replacement: fileURLToPath(new URL('./src/lib/firebase/re2jsOmitted.ts', import.meta.url)),
};

export default defineConfig({
  plugins: [sveltekit()],
  resolve: { alias: [withoutRe2js] },
});
