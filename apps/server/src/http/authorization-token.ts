/**
 * The secret in an `Authorization` header: `Key <secret>` (the published clients' scheme),
 * `Bearer <secret>` or the bare secret; '' when there is none.
 */
export function authorizationToken(header: string | undefined): string {
  return (
    header
      ?.trim()
      .replace(/^(key|bearer)(\s+|$)/i, '')
      .trim() ?? ''
  );
}
