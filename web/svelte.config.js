// A pure single-page app: Firebase Hosting serves index.html for every path.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Runes everywhere in our code; libraries keep whatever mode they were written in.
    runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true),
  },
  kit: {
    adapter: adapter({ fallback: 'index.html' }),
    // The SDK-free catalogue and document shapes that functions use too.
    alias: { $shared: '../functions/src/shared' },
  },
};

export default config;
