// The one typed door to the Rust backend: components call these functions, never `invoke`.
import { Channel, invoke } from '@tauri-apps/api/core';
import type { Command } from './commands';
import type {
  KeySaveOutcome,
  ReplaceKeyInput,
  FieldProblem,
  NewWorkspaceInput,
  OrganizationDetail,
  OrganizationList,
  Problem,
  RingotelTestInput,
  RingotelTestOutcome,
  SaveThinqOutcome,
  SecretPersistence,
  DraftTransfer,
  FormatExample,
  Freshness,
  InboundFormat,
  NumberCheck,
  NumberEditor,
  NumberKey,
  NumbersView,
  OutboundFormat,
  SaveNumberOutcome,
  SmsNumberInput,
  StartupReport,
  ThinqIntegrationView,
  ThinqSettingsInput,
  ThinqTestOutcome,
  WorkspaceList,
  ChangesView,
  HistoryView,
  PasteWebhookOutcome,
  ImportDidsInput,
  ImportDidsOutcome,
  ThinqDidsView,
  Side,
  SmsField,
  SyncProgress,
  SyncReport,
  Fix,
  FixOffer,
  ReadinessProgress,
  ReadinessReport,
  AssumptionNotice,
  DiagnosticsView,
  NoticeArea,
  ReportFile,
  CheckAllProgress,
  CheckAllReport,
  OrgFixesDrafted,
  ReportFormat,
  OptOutView,
  TestHistory,
  TestMessageInput,
  TestMessageView,
} from './bindings';

export type * from './bindings';

/** A failure the backend reported, carrying its `{code, message, field}`. */
export class BackendProblem extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.message);
    this.problem = problem;
  }
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).code === 'string' &&
    typeof (value as Problem).message === 'string'
  );
}

/** Whatever was thrown, as a Problem: backend rejections keep their code and next step, the rest
 *  is internal (a failed call between the page and the app: trying again may work). */
export function toProblem(error: unknown): Problem {
  if (error instanceof BackendProblem) return error.problem;
  if (isProblem(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message, field: null, nextStep: null, retry: true };
}

async function call<T>(command: Command, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw new BackendProblem(toProblem(error));
  }
}

export const backend = {
  startupReport: () => call<StartupReport>('get_startup_report'),

  listWorkspaces: () => call<WorkspaceList>('list_workspaces'),
  addRingotelWorkspace: (input: NewWorkspaceInput, persistence: SecretPersistence) =>
    call<KeySaveOutcome>('add_ringotel_workspace', { input, persistence }),
  testRingotelConnection: (input: RingotelTestInput) =>
    call<RingotelTestOutcome>('test_ringotel_connection', { input }),
  replaceWorkspaceKey: (input: ReplaceKeyInput, persistence: SecretPersistence) =>
    call<KeySaveOutcome>('replace_workspace_key', { input, persistence }),
  activateWorkspace: (id: string) => call<void>('activate_workspace', { id }),
  removeWorkspace: (id: string) => call<void>('remove_workspace', { id }),

  listOrganizations: () => call<OrganizationList>('list_organizations'),
  getOrganization: (orgId: string, freshness: Freshness) =>
    call<OrganizationDetail>('get_organization', { orgId, freshness }),

  getThinqIntegration: (orgId: string, freshness: Freshness) =>
    call<ThinqIntegrationView>('get_thinq_integration', { orgId, freshness }),
  checkThinqSettings: (input: ThinqSettingsInput, tokenStored: boolean) =>
    call<FieldProblem[]>('check_thinq_settings', { input, tokenStored }),
  testThinqConnection: (orgId: string, input: ThinqSettingsInput) =>
    call<ThinqTestOutcome>('test_thinq_connection', { orgId, input }),
  saveThinqSettings: (orgId: string, input: ThinqSettingsInput, persistence: SecretPersistence) =>
    call<SaveThinqOutcome>('save_thinq_settings', { orgId, input, persistence }),
  disableThinqIntegration: (orgId: string) =>
    call<ThinqIntegrationView>('disable_thinq_integration', { orgId }),
  pasteWebhookUrl: (orgId: string, url: string) => call<PasteWebhookOutcome>('paste_webhook_url', { orgId, url }),

  getNumbers: (orgId: string, freshness: Freshness) => call<NumbersView>('get_numbers', { orgId, freshness }),
  getNumberEditor: (orgId: string, editing: NumberKey | null) =>
    call<NumberEditor>('get_number_editor', { orgId, editing }),
  checkNumber: (orgId: string, input: SmsNumberInput, editing: NumberKey | null) =>
    call<NumberCheck>('check_number', { orgId, input, editing }),
  previewFormats: (inbound: InboundFormat, outbound: OutboundFormat, country: string) =>
    call<FormatExample>('preview_formats', { inbound, outbound, country }),
  saveNumber: (orgId: string, editing: NumberKey | null, input: SmsNumberInput) =>
    call<SaveNumberOutcome>('save_number', { orgId, editing, input }),
  deleteNumber: (orgId: string, key: NumberKey) => call<NumbersView>('delete_number', { orgId, key }),
  revertNumber: (orgId: string, key: NumberKey) => call<NumbersView>('revert_number', { orgId, key }),
  getThinqDids: (orgId: string) => call<ThinqDidsView>('get_thinq_dids', { orgId }),
  importDids: (orgId: string, input: ImportDidsInput) => call<ImportDidsOutcome>('import_dids', { orgId, input }),

  /** Asks where (in the system's save dialog) and exports; `null` when the admin cancelled. */
  exportDraft: () => call<DraftTransfer | null>('export_draft'),
  /** Asks which file (in the system's open dialog) and imports it; `null` when the admin cancelled. */
  importDraft: () => call<DraftTransfer | null>('import_draft'),

  getChanges: (orgId: string, freshness: Freshness) => call<ChangesView>('get_changes', { orgId, freshness }),
  /** Sends the draft; `onProgress` hears after each change ends. `only`: these changes alone. */
  syncChanges: (orgId: string, only: number[] | null, onProgress: (progress: SyncProgress) => void) => {
    const progress = new Channel<SyncProgress>();
    progress.onmessage = onProgress;
    return call<SyncReport>('sync_changes', { orgId, only, progress });
  },
  resolveConflict: (orgId: string, draftId: number, field: SmsField | null, side: Side) =>
    call<ChangesView>('resolve_conflict', { orgId, draftId, field, side }),
  discardChange: (orgId: string, draftId: number) => call<ChangesView>('discard_change', { orgId, draftId }),
  discardDraft: (orgId: string) => call<ChangesView>('discard_draft', { orgId }),
  getHistory: (orgId: string) => call<HistoryView>('get_history', { orgId }),
  discardSetupChange: (orgId: string, draftId: number) =>
    call<ChangesView>('discard_setup_change', { orgId, draftId }),
  runReadiness: (orgId: string, freshness: Freshness, onProgress: (progress: ReadinessProgress) => void) => {
    const progress = new Channel<ReadinessProgress>();
    progress.onmessage = onProgress;
    return call<ReadinessReport>('run_readiness', { orgId, freshness, progress });
  },
  draftReadinessFix: (orgId: string, fix: Fix, confirmBillable: boolean) =>
    call<FixOffer>('draft_readiness_fix', { orgId, fix, confirmBillable }),
  draftReadinessFixes: (orgId: string, fixes: Fix[]) => call<FixOffer[]>('draft_readiness_fixes', { orgId, fixes }),
  getOptOuts: (orgId: string, number: string, freshness: Freshness) =>
    call<OptOutView>('get_opt_outs', { orgId, number, freshness }),
  draftOptOutAdd: (orgId: string, number: string, customer: string) =>
    call<OptOutView>('draft_opt_out_add', { orgId, number, customer }),
  draftOptOutRemove: (orgId: string, number: string, customer: string) =>
    call<OptOutView>('draft_opt_out_remove', { orgId, number, customer }),
  runTestMessage: (orgId: string, input: TestMessageInput, onProgress: (view: TestMessageView) => void) => {
    const progress = new Channel<TestMessageView>();
    progress.onmessage = onProgress;
    return call<TestMessageView>('run_test_message', { orgId, input, progress });
  },
  cancelTestMessage: () => call<null>('cancel_test_message'),
  testMessages: (orgId: string) => call<TestHistory>('get_test_messages', { orgId }),
  checkAllReadiness: (onProgress: (progress: CheckAllProgress) => void) => {
    const progress = new Channel<CheckAllProgress>();
    progress.onmessage = onProgress;
    return call<CheckAllReport>('check_all_readiness', { progress });
  },
  cancelCheckAll: () => call<null>('cancel_check_all'),
  lastCheckAll: () => call<CheckAllReport | null>('get_last_check_all'),
  exportReadinessReport: (format: ReportFormat) =>
    call<ReportFile | null>('export_readiness_report', { format }),
  draftFixesForOrganizations: (orgIds: string[], confirmBillable: boolean) =>
    call<[OrgFixesDrafted[], CheckAllReport]>('draft_fixes_for_organizations', { orgIds, confirmBillable }),
  switchConnectionSms: (orgId: string, connectionId: string) =>
    call<OrganizationDetail>('switch_connection_sms', { orgId, connectionId }),
  moveToPro: (orgId: string, confirmBillable: boolean) =>
    call<OrganizationDetail>('move_to_pro', { orgId, confirmBillable }),

  getDiagnostics: () => call<DiagnosticsView>('get_diagnostics'),
  getAssumptionNotices: (area: NoticeArea) => call<AssumptionNotice[]>('get_assumption_notices', { area }),
  /** Asks where (in the system's save dialog) and saves; `null` when the admin cancelled. */
  saveShapeReport: () => call<ReportFile | null>('save_shape_report'),
};
