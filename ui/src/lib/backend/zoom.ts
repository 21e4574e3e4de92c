// Zooming the window's page through Tauri's webview (the whole layout, not only text).
import { getCurrentWebview } from '@tauri-apps/api/webview';

export async function setPageZoom(level: number): Promise<void> {
  await getCurrentWebview().setZoom(level);
}
