import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The docs quickstart's client step as one shell script, taken from the page as a reader would
 * follow it: every `sh` block of the `{#client}` section in order, and for each included sample
 * a file written with the name the sentence before it gives ("Save this as `quickstart.ts`").
 * A step the page forgets (making the project, naming the file) is then missing from the script.
 */
export function readQuickstartScript(docsRoot: string): string {
  const page = readFileSync(join(docsRoot, 'quickstart.md'), 'utf8');
  const section = page.split(/^## .*\{#client\}$/m)[1]?.split(/^## /m)[0];
  if (section === undefined) throw new Error('quickstart.md has no {#client} section');
  const script: string[] = [];
  let block: string[] | undefined;
  let fileName: string | undefined;
  for (const line of section.split('\n')) {
    if (block !== undefined) {
      if (line.startsWith('```')) {
        script.push(...block);
        block = undefined;
      } else block.push(line);
    } else if (line.startsWith('```sh')) block = [];
    else if (line.startsWith('<<< @/')) {
      if (fileName === undefined) throw new Error(`quickstart.md includes ${line.slice(4)} without saying what to save it as`);
      const sample = readFileSync(join(docsRoot, line.slice(6).trim()), 'utf8');
      script.push(`cat > '${fileName}' <<'OPENPIXELS_SAMPLE'`, sample.trimEnd(), 'OPENPIXELS_SAMPLE');
      fileName = undefined;
    } else fileName = /Save this as `([^`]+)`/.exec(line)?.[1] ?? fileName;
  }
  return script.join('\n');
}
