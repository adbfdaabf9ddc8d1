// The domain's one error: a stable code (and its message parameters); functions/ decides what it means in HTTP.
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
  }
}
