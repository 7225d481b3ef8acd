/**
 * Users and groups put straight on a reference server by name, and the names it holds: for the specs of the commands
 * that find resources by their run-id tag (cleanup, the sweep after run and replay).
 */
import type { RunningReferenceServer } from '../../reference-server/index.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

function headers(server: RunningReferenceServer): Record<string, string> {
  return { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/scim+json' };
}

/** Creates a user (by userName) or a group (by displayName); throws unless the server answered 201. */
export async function createNamed(
  server: RunningReferenceServer,
  endpoint: '/Users' | '/Groups',
  name: string,
): Promise<string> {
  const body =
    endpoint === '/Users' ? { schemas: [USER], userName: name } : { schemas: [GROUP], displayName: name };
  const response = await fetch(`${server.baseUrl}${endpoint}`, {
    method: 'POST',
    headers: headers(server),
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST ${endpoint} ${name} answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** Every userName or displayName on the server (up to 1000), sorted. */
export async function namesOn(
  server: RunningReferenceServer,
  endpoint: '/Users' | '/Groups',
): Promise<string[]> {
  const response = await fetch(`${server.baseUrl}${endpoint}?count=1000`, { headers: headers(server) });
  const json = (await response.json()) as { Resources?: Record<string, string>[] };
  return (json.Resources ?? []).map((r) => r.userName ?? r.displayName ?? '').sort();
}
