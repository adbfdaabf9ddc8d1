// The answer to a request Node refuses before the app sees it (headers too large, malformed, too slow): the API's
// JSON error shape on a raw HTTP response, since there is no Hono context — and no language — to build it with.

/** What Node hands to `clientError`: an error code, and the bytes it was parsing when it gave up. */
export type ClientError = { code?: string; rawPacket?: Buffer };

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Content Too Large', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' };
const METHOD_START = /^[A-Z]{3,10} /;

/**
 * The status and error code for a refusal. Node reports an overlong URL and overlong headers alike (a header
 * overflow); it is called a URI too long when the request line is most of what was read, which the parsed bytes
 * show when they start at the request line.
 */
export function clientErrorStatus(error: ClientError): { status: number; code: string } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW': {
      const head = error.rawPacket?.toString('latin1') ?? '';
      const lineEnd = head.indexOf('\r\n');
      const requestLine = lineEnd === -1 ? head.length : lineEnd;
      return METHOD_START.test(head) && requestLine * 2 > head.length ? { status: 414, code: 'uri_too_long' } : { status: 431, code: 'headers_too_large' };
    }
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'request_timeout' };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, code: 'payload_too_large' };
    default:
      return { status: 400, code: 'request_malformed' };
  }
}

/**
 * A complete HTTP/1.1 response that closes the connection, with `{ error: { code, message } }` as its body — but
 * only the head when the refused request is a HEAD (its answer has no body; bytes after the head break the client).
 * `method` is the request's when Node had read its head (a body that timed out); otherwise the bytes tell.
 */
export function rawErrorResponse(status: number, code: string, message: string, rawPacket?: Buffer, method?: string): string {
  const body = JSON.stringify({ error: { code, message } });
  const head = [
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'cache-control: no-store',
    'x-content-type-options: nosniff',
    'connection: close',
    '',
    '',
  ].join('\r\n');
  const isHead = method !== undefined ? method === 'HEAD' : rawPacket?.toString('latin1', 0, 5) === 'HEAD ';
  return isHead ? head : head + body;
}
