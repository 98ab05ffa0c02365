export { KEYS_JSON_VARIABLE, ENV_FILE_VARIABLE, baseUrlVariable, keyVariable, knownKeyVariables, providers, requireProviderDescriptor } from './variables';
export { parseDotEnv } from './dotenv';
export { parseKeysJson } from './keys-json';
export { configuredEnvironment, loadKeys, type ConfigSourceOptions, type KeySource, type ResolvedKeys } from './load-keys';
export { getKey, requireKey, hasKey, keySource, positiveNumber, positiveNumberSetting, providerSettings, type ResolvedProviderSettings } from './keys';
export { checkedBaseUrl, providerBaseUrl } from './base-url';
export { providerConnection, type ProviderConnection } from './connection';
export { GENERATION_TIMEOUT_VARIABLE, STORAGE_DIR_VARIABLE, generationTimeoutMs, generatorSettings, resolveSettings, settingsOf, storageDir } from './settings';
export {
  dummyKey,
  emulatorBaseUrl,
  emulatorSettings,
  emulatorVariables,
  type EmulatorSettingsOptions,
  type EmulatorUrls,
  type EmulatorVariablesOptions,
} from './emulator-env';
