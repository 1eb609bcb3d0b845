/** The routing preferences a job was submitted with (`config.routing`). */
export interface RoutingPreferences {
  whitelist?: string[];
  ordering?: string[];
  strategy: 'best' | 'random';
}
