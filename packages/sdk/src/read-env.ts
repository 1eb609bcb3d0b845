/** Reads an environment variable where the runtime has `process.env`; elsewhere (browsers) gives undefined. */
export function readEnv(name: string): string | undefined {
  try {
    const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
    return value === '' ? undefined : value;
  } catch {
    // Deno without --allow-env throws on access: treat it as unset.
    return undefined;
  }
}
