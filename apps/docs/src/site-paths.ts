import { fileURLToPath } from 'node:url';

/** The docs workspace's root folder. */
export const DOCS_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where `vitepress build` writes the site. */
export const DIST_DIR = fileURLToPath(new URL('../.vitepress/dist', import.meta.url));
