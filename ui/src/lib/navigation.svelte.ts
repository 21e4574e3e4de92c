// Which screen is showing, and the active workspace every screen reads from.
import type { WorkspaceView } from './backend';

export type OrganizationTab = 'overview' | 'integrations' | 'numbers' | 'changes' | 'history' | 'connections';

export type Route =
  | { screen: 'organizations' }
  | { screen: 'workspaces' }
  | { screen: 'diagnostics' }
  | { screen: 'organization'; orgId: string; orgName: string; tab: OrganizationTab };

export const app = $state<{ route: Route; workspace: WorkspaceView | null }>({
  route: { screen: 'organizations' },
  workspace: null,
});

export function go(route: Route): void {
  app.route = route;
}
