import type { ServerConfig } from './config.ts';
import type { DemoKey } from './keys/keep-demo-key.ts';

/** What `pnpm start` prints once the server listens: where, with which providers, and the demo key with a first request to try. */
export function startBanner(url: string, config: ServerConfig, demo: DemoKey | undefined): string {
  const workers = config.workers > 1 ? `, ${config.workers} workers` : '';
  const lines = [
    `OpenPixels listening on ${url} (providers: ${config.providers.map((p) => p.id).join(', ')}${workers})`,
  ];
  if (demo !== undefined) {
    const demoKey = demo.key;
    lines.push(
      `Demo API key (${demo.balance} credits; ${demo.created ? 'new, kept for the next starts of this data dir' : 'the same as on the last start'}): ${demoKey}`,
      'Try it:',
      `  curl -s ${url}/v2/submit -H 'Authorization: Key ${demoKey}' -H 'Content-Type: application/json' \\`,
      `    -d '{"model":"flux-schnell","prompt":"a lighthouse at dusk","width":512,"height":512}'`,
      `  curl -s ${url}/v2/poll/<id> -H 'Authorization: Key ${demoKey}'`,
    );
  }
  return lines.join('\n');
}
