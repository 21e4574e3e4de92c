// The command list lives in one place, the #[tauri::command] functions; build.rs derives the
// handler, the capability and the TypeScript names from them. This fails when a derived file
// is stale (a command added without building) or when the UI leaves a command uncalled.
/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const sorted = (names: Iterable<string | undefined>) => [...new Set(names)].filter((n): n is string => !!n).sort();

/** The commands as build.rs finds them: each `#[tauri::command]` function in src/commands/. */
function declared(): string[] {
  const dir = 'src-tauri/src/commands';
  const names = readdirSync(resolve(root, dir))
    .filter((f) => f.endsWith('.rs'))
    .flatMap((f) =>
      read(`${dir}/${f}`)
        .split('#[tauri::command]')
        .slice(1)
        .map((after) => /fn\s+([a-z_]+)/.exec(after)?.[1]),
    );
  return sorted(names);
}

describe('the command list', () => {
  const commands = declared();

  it('is not empty', () => {
    expect(commands.length).toBeGreaterThan(10);
  });

  it('is allowed by the capability file, one permission per command', () => {
    const permissions: string[] = JSON.parse(read('src-tauri/capabilities/default.json')).permissions;
    const own = permissions.filter((p) => p.startsWith('allow-')).map((p) => p.slice(6).replaceAll('-', '_'));
    expect(sorted(own)).toEqual(commands);
  });

  it('is what the generated TypeScript names', () => {
    const names = [...read('ui/src/lib/backend/commands.ts').matchAll(/\| '([a-z_]+)'/g)].map((m) => m[1]);
    expect(sorted(names)).toEqual(commands);
  });

  it('is what the typed backend module calls, every command', () => {
    const calls = [...read('ui/src/lib/backend/index.ts').matchAll(/call<[^>]+>\(\s*'([a-z_]+)'/g)].map((m) => m[1]);
    expect(sorted(calls)).toEqual(commands);
  });
});
