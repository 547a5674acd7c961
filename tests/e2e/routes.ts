import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export type Audience = 'public' | 'guardian' | 'org' | 'staff' | 'support' | 'moderation' | 'admin';

export interface RouteInfo {
  /** SvelteKit route id, e.g. '/(family)/family/children/[childId]/edit' */
  id: string;
  /** URL pattern without groups, e.g. '/family/children/[childId]/edit' */
  path: string;
  audience: Audience | undefined;
  params: string[];
  kind: 'page' | 'endpoint';
  hasGet: boolean;
}

const GROUP_AUDIENCE: Record<string, Audience> = {
  '(public)': 'public',
  '(family)': 'guardian',
  '(org)': 'org',
  '(staff)': 'staff',
  '(support)': 'support',
  '(moderation)': 'moderation',
  '(admin)': 'admin'
};

/** Every route in src/routes, with the audience its group (or, for api/, its `audience` export) declares. */
export function listRoutes(root = 'src/routes'): RouteInfo[] {
  const routes: RouteInfo[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir);
    const isPage = entries.includes('+page.svelte') || entries.includes('+page.server.ts');
    const isEndpoint = entries.includes('+server.ts');
    const rel = relative(root, dir).split(sep).filter(Boolean);
    if (isPage || isEndpoint) {
      const id = '/' + rel.join('/');
      const path = '/' + rel.filter((s) => !/^\(.*\)$/.test(s)).join('/');
      const group = rel.find((s) => s in GROUP_AUDIENCE);
      let audience: Audience | undefined = group ? GROUP_AUDIENCE[group] : undefined;
      let hasGet = isPage;
      if (isEndpoint) {
        const source = readFileSync(join(dir, '+server.ts'), 'utf8');
        const declared = /export const _audience(?:\s*:\s*\w+)?\s*=\s*'(\w+)'/.exec(source)?.[1] as Audience | undefined;
        if (!group) audience = declared;
        hasGet = hasGet || /export (const|async function|function) GET\b/.test(source);
      }
      routes.push({ id, path, audience, params: [...path.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => m[1]), kind: isPage ? 'page' : 'endpoint', hasGet });
    }
    for (const entry of entries) {
      const child = join(dir, entry);
      if (statSync(child).isDirectory()) walk(child);
    }
  };
  walk(root);
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}

/** A regular expression matching concrete URLs of a route pattern. */
export function routePattern(path: string): RegExp {
  const segments = path.split('/').map((segment) =>
    /^\[\.\.\.\w+\]$/.test(segment)
      ? '.+'
      : segment
          .split(/(\[\w+\])/)
          .map((part) => (/^\[\w+\]$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('')
  );
  return new RegExp(`^${segments.join('/')}$`);
}
