import { AUTHORIZATION_PLACEHOLDER, buildRequestUrl, type RequestDescriptor } from '../request-descriptor.js';

/**
 * Sends a descriptor with `fetch`, exactly as described: the smallest sender that lets a test observe
 * the wire format. The token replaces the placeholder here and nowhere else.
 */
export async function sendDescriptor(
  baseUrl: string,
  descriptor: RequestDescriptor,
  token: string,
): Promise<Response> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(descriptor.headers)) {
    headers[name] = value === AUTHORIZATION_PLACEHOLDER ? `Bearer ${token}` : value;
  }
  return fetch(buildRequestUrl(baseUrl, descriptor), {
    method: descriptor.method,
    headers,
    ...(descriptor.body === undefined ? {} : { body: JSON.stringify(descriptor.body) }),
  });
}
