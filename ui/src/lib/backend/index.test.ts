import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({
  invoke: vi.fn(async (command: string) => {
    if (command === 'list_workspaces') throw { code: 'storage', message: 'disk full', field: null };
    if (command === 'get_startup_report') throw new Error('IPC closed');
    return { workspaces: [], defaultBaseUrl: 'https://shell.ringotel.co' };
  }),
}));

const { backend, BackendProblem, toProblem } = await import('./index');

describe('backend calls', () => {
  it('turn a rejected Problem into a BackendProblem that keeps its code', async () => {
    const error = await backend.listWorkspaces().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendProblem);
    expect(toProblem(error)).toEqual({ code: 'storage', message: 'disk full', field: null });
  });

  it('turn anything else thrown into an internal problem with its message', async () => {
    const error = await backend.startupReport().catch((e: unknown) => e);
    expect(toProblem(error)).toEqual({ code: 'internal', message: 'IPC closed', field: null, nextStep: null, retry: true });
  });
});
