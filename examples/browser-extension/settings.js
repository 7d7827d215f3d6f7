// What the options page stores in chrome.storage.local, with the defaults.
export const SETTINGS_DEFAULTS = {
  // A bundled policy (file name without .toml) or `custom` for pasted TOML.
  policy: 'paderborn',
  customToml: '',
  // Empty: the policy's default account.
  account: '',
  lang: 'de',
};

/** The policies the build bundles from the repository's policies/ folder. */
export const BUNDLED_POLICIES = {
  paderborn: 'Stadt Paderborn',
  moers: 'Stadt Moers',
  koblenz: 'Stadt Koblenz',
  bergedorf: 'Bezirksamt Bergedorf',
};
