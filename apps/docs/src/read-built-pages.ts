import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { type HTMLElement, parse } from 'node-html-parser';
import { textOf } from './text-of.ts';

/** One page of the built site, reduced to what the drift tests check. */
export interface BuiltPage {
  /** The page's URL path below the site base, without `.html`: `reference/errors`, `index`. */
  route: string;
  /** The page's article (VitePress's `.vp-doc`), without navigation or sidebar. */
  article: HTMLElement;
  /** The article's words, code blocks and table cells included, each text node apart from the next. */
  text: string;
  /** Every element id in the whole document. */
  ids: Set<string>;
}

/** Reads every content page of a built VitePress site (the 404 page excluded). */
export async function readBuiltPages(distDir: string): Promise<BuiltPage[]> {
  const files = (await readdir(distDir, { recursive: true })).filter(
    (file) => file.endsWith('.html') && file !== '404.html',
  );
  return Promise.all(
    files.sort().map(async (file) => {
      // `pre` is parsed, not kept as raw text, so code blocks' text can be read.
      const document = parse(await readFile(join(distDir, file), 'utf8'), {
        blockTextElements: { script: true, noscript: true, style: true },
      });
      const article = document.querySelector('.vp-doc');
      if (article === null) throw new Error(`${file} has no .vp-doc article.`);
      const ids = new Set(document.querySelectorAll('[id]').map((element) => element.id));
      const route = relative(distDir, join(distDir, file)).replace(/\.html$/, '');
      return { route, article, text: textOf(article), ids };
    }),
  );
}
