import { defineConfig } from 'vitepress';

// Deployed at https://openpixels.ai/docs/, so that the errors package's `docUrl(code)`
// (https://openpixels.ai/docs/reference/errors#<anchor>) lands on reference/errors.md.
export default defineConfig({
  base: '/docs/',
  cleanUrls: true,
  lang: 'en-US',
  title: 'OpenPixels',
  description: 'Docs for the OpenPixels image-generation gateway, its TypeScript client and its error contract.',
  srcExclude: ['README.md', 'test-results/**', 'samples/**', 'src/**', 'generated/**'],
  lastUpdated: false,
  themeConfig: {
    search: { provider: 'local' },
    nav: [
      { text: 'Quickstart', link: '/quickstart' },
      { text: 'Client', link: '/reference/client' },
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
          { text: 'Other languages', link: '/other-languages' },
        ],
      },
      {
        text: 'Reference',
        items: [
          { text: 'Client', link: '/reference/client' },
          { text: 'Errors', link: '/reference/errors' },
        ],
      },
    ],
    outline: { level: [2, 3] },
  },
});
