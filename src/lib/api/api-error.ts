/** A failed API call, with what a person can be told about it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The server's whole answer to a refusal, for callers that need more than the message (a 412's claim). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** A request the server refused as such will be refused again; retrying cannot help. */
  get isPermanent(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}
