/** The portal's explanation in an error answer: `{message}` JSON (Fastify routes) or plain text (tus). */
export function portalMessage(body: string, status: number): string {
  const text = body.trim();
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed?.message === 'string' && parsed.message) return parsed.message.slice(0, 500);
  } catch {
    // not JSON: the text itself
  }
  return text ? text.slice(0, 500) : `HTTP ${status}`;
}

/** `https://portal/base/` + `/api/v1/…` without a double slash. */
export function portalEndpoint(portalUrl: string, apiPath: string): string {
  return portalUrl.replace(/\/+$/, '') + apiPath;
}
