import type { ServerConfig } from './config.ts';

/** What `pnpm start` prints once the server listens: where, with which providers, and the demo key with a first request to try. */
export function startBanner(url: string, config: ServerConfig, demoKey: string | undefined): string {
  const workers = config.workers > 1 ? `, ${config.workers} workers` : '';
  const lines = [
    `OpenPixels listening on ${url} (providers: ${config.providers.map((p) => p.id).join(', ')}${workers})`,
  ];
  if (demoKey !== undefined) {
    lines.push(
      `Demo API key (${config.demoKey.credits} credits; replaced on every start): ${demoKey}`,
      'Try it:',
      `  curl -s ${url}/v2/submit -H 'Authorization: Key ${demoKey}' -H 'Content-Type: application/json' \\`,
      `    -d '{"model":"flux-schnell","prompt":"a lighthouse at dusk","width":512,"height":512}'`,
      `  curl -s ${url}/v2/poll/<id> -H 'Authorization: Key ${demoKey}'`,
    );
  }
  return lines.join('\n');
}
