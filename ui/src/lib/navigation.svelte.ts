// Which screen is showing, the active workspace every screen reads from, and where the log goes.
import type { WorkspaceView } from './backend';

export type OrganizationTab = 'overview' | 'integrations' | 'numbers' | 'changes' | 'history' | 'connections';

export type Route =
  | { screen: 'organizations' }
  | { screen: 'workspaces' }
  | { screen: 'diagnostics' }
  | { screen: 'organization'; orgId: string; orgName: string; tab: OrganizationTab };

export const app = $state<{ route: Route; workspace: WorkspaceView | null; logFile: string | null }>({
  route: { screen: 'organizations' },
  workspace: null,
  /** From the start-up report: the file support asks for. */
  logFile: null,
});

export function go(route: Route): void {
  app.route = route;
}
