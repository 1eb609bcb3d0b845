import FindMyWay, { type HTTPMethod } from 'find-my-way';

/**
 * The methods each registered path answers to, matched by the router Fastify itself uses, so
 * "this path exists, but not for this method" agrees with how requests are routed.
 */
export class RouteMethods {
  readonly #router = FindMyWay();
  readonly #methods = new Set<HTTPMethod>();

  /**
   * Records a route. The catch-all (CORS preflight for every path) says nothing about a path;
   * a wildcard below a prefix (`/fal/run/*`) does: a GET there is a wrong method, not a wrong path.
   */
  add(methods: string | string[], url: string): void {
    if (url === '*' || url === '/*') return;
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
