// Asking the admin where a draft file goes or comes from, through Tauri's dialog plugin.
import { open, save } from '@tauri-apps/plugin-dialog';

const DRAFT_FILTER = [{ name: 'Draft (JSON)', extensions: ['json'] }];

/** A path to write the draft to, or `null` when the admin cancels. */
export async function chooseDraftToSave(): Promise<string | null> {
  return save({ title: 'Export draft', defaultPath: 'sms-numbers-draft.json', filters: DRAFT_FILTER });
}

/** A draft file to import, or `null` when the admin cancels. */
export async function chooseDraftToOpen(): Promise<string | null> {
  const picked = await open({ title: 'Import draft', multiple: false, directory: false, filters: DRAFT_FILTER });
  return typeof picked === 'string' ? picked : null;
}
