/** An answer other than 200, with the reason the client reads (`{ "error": reason }`). */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 404 | 503,
    message: string,
  ) {
    super(message);
  }
}
