/**
 * The default session's locks: every permission request (camera, notifications from the
 * page, geolocation, …) and permission check is denied, and every response of the app's own
 * pages carries the one CSP, whatever served it.
 */
import { DESKTOP_CONTENT_SECURITY_POLICY } from '../security/content-security-policy.ts';
import { isAppUrl } from './app-protocol.ts';
import type { HeadersReceivedListener, PermissionRequestHandler, SessionPort } from './electron-port.ts';

/** Denies every permission the page asks for. */
export const denyAllPermissions: PermissionRequestHandler = (_webContents, _permission, callback) => callback(false);

/** Sets the CSP on app pages, replacing any policy header the response carried. */
export const addContentSecurityPolicy: HeadersReceivedListener = (details, callback) => {
  const headers = { ...details.responseHeaders };
  if (isAppUrl(details.url)) {
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [DESKTOP_CONTENT_SECURITY_POLICY];
  }
  callback({ responseHeaders: headers });
};

/** Applies the permission and header locks to a session. */
export function hardenSession(session: SessionPort): void {
  session.setPermissionRequestHandler(denyAllPermissions);
  session.setPermissionCheckHandler(() => false);
  session.onHeadersReceived(addContentSecurityPolicy);
}
