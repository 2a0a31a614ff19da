/** Hash routes (`#/`, `#/endpoint/12`, `#/settings`): work from `file://` and from the web server alike. */

export type Route = { readonly page: 'overview' } | { readonly page: 'endpoint'; readonly id: number } | { readonly page: 'settings' };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const endpoint = /^\/endpoint\/(\d+)$/.exec(path);
  if (endpoint) return { page: 'endpoint', id: Number(endpoint[1]) };
  if (path === '/settings') return { page: 'settings' };
  return { page: 'overview' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'overview':
      return '#/';
    case 'endpoint':
      return `#/endpoint/${route.id}`;
    case 'settings':
      return '#/settings';
  }
}

export class Router {
  route: Route = $state.raw(parseHash(location.hash));

  /** Follows the address bar; returns the stop function. */
  start(): () => void {
    const onChange = (): void => {
      this.route = parseHash(location.hash);
    };
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }

  go(route: Route): void {
    location.hash = hrefOf(route);
    this.route = route;
  }
}
