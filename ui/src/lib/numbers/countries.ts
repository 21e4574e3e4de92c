// Country names for the editor's dropdown, in the admin's language; the codes come from Rust.
let names: Intl.DisplayNames | null = null;

/** "United States" for "US"; the code itself where the platform has no name for it. */
export function countryLabel(code: string): string {
  try {
    names ??= new Intl.DisplayNames(undefined, { type: 'region' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
