export { KEYS_JSON_VARIABLE, ENV_FILE_VARIABLE, baseUrlVariable, keyVariable, knownKeyVariables, providers, requireProviderDescriptor } from './variables';
export { parseDotEnv } from './dotenv';
export { parseKeysJson } from './keys-json';
export { loadKeys, syncKeysToEnv, type ConfigSourceOptions, type KeySource, type ResolvedKeys } from './load-keys';
export { getKey, requireKey, hasKey, keySource, positiveNumberSetting, providerSettings, type ProviderSettings } from './keys';
export { providerBaseUrl } from './base-url';
export { GENERATION_TIMEOUT_VARIABLE, STORAGE_DIR_VARIABLE, generationTimeoutMs, generatorSettings, storageDir } from './settings';
export { applyVariables, dummyKey, emulatorBaseUrl, emulatorVariables, type EmulatorUrls, type EmulatorVariablesOptions } from './emulator-env';
