import FindMyWay, { type HTTPMethod } from 'find-my-way';

/**
 * The methods each registered path answers to, matched by the router Fastify itself uses, so
 * "this path exists, but not for this method" agrees with how requests are routed.
 */
export class RouteMethods {
  readonly #router = FindMyWay();
  readonly #methods = new Set<HTTPMethod>();

  /** Records a route; wildcard routes (CORS preflight for every path) say nothing about a path. */
  add(methods: string | string[], url: string): void {
    if (url.includes('*')) return;
    for (const method of [methods].flat() as HTTPMethod[]) {
      this.#router.on(method, url, () => {});
      this.#methods.add(method);
    }
  }

  /** The methods `path` answers to, sorted; empty when no route has this path. */
  allowed(path: string): string[] {
    return [...this.#methods].filter((method) => this.#router.find(method, path) !== null).sort();
  }
}
