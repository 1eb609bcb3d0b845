import { defineConfig } from 'vitepress';
import { SITE_BASE } from '../src/site-base.ts';

export default defineConfig({
  base: SITE_BASE,
  // Links without `.html`, as in the errors package's `doc_url`s.
  cleanUrls: true,
  lang: 'en-US',
  title: 'OpenPixels',
  description: 'Docs for the OpenPixels image-generation gateway, its TypeScript client and its error contract.',
  srcExclude: ['README.md', 'test-results/**', 'samples/**', 'src/**', 'generated/**'],
  lastUpdated: false,
  // Browsers ask for an icon; without one every page load ends in a 404 (`public/favicon.ico`).
  head: [['link', { rel: 'icon', href: `${SITE_BASE}favicon.ico`, sizes: '32x32' }]],
  themeConfig: {
    search: { provider: 'local' },
    nav: [
      { text: 'Quickstart', link: '/quickstart' },
      { text: 'Client', link: '/reference/client' },
      { text: 'HTTP API', link: '/reference/http-api' },
      { text: 'Errors', link: '/reference/errors' },
    ],
    sidebar: [
      {
        text: 'Getting started',
        items: [
          { text: 'Introduction', link: '/' },
          { text: 'Quickstart', link: '/quickstart' },
        ],
      },
      {
        text: 'Guides',
        items: [
          { text: 'Routing', link: '/routing' },
          { text: 'Handling errors', link: '/handling-errors' },
          { text: 'Migrate from fal', link: '/migrate-from-fal' },
          { text: 'Other languages', link: '/other-languages' },
        ],
      },
      {
        text: 'Operators',
        items: [{ text: 'Operating the gateway', link: '/operators' }],
      },
      {
        text: 'Reference',
        items: [
          { text: 'Client', link: '/reference/client' },
          { text: 'HTTP API', link: '/reference/http-api' },
          { text: 'Errors', link: '/reference/errors' },
        ],
      },
    ],
    outline: { level: [2, 3] },
  },
});
