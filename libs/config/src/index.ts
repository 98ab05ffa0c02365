export { KEY_VARIABLES, BASE_URL_VARIABLES, KEYS_JSON_VARIABLE, ENV_FILE_VARIABLE, FAL_KEY_ID_VARIABLE, FAL_KEY_SECRET_VARIABLE } from './variables';
export { parseDotEnv } from './dotenv';
export { parseKeysJson } from './keys-json';
export { loadKeys, syncKeysToEnv, type ConfigSourceOptions, type KeySource, type ResolvedKeys } from './load-keys';
export { getKey, requireKey, hasKey, keySource } from './keys';
export { providerBaseUrl } from './base-url';
export { DUMMY_KEYS, applyVariables, emulatorVariables, type EmulatorUrls, type EmulatorVariablesOptions } from './emulator-env';
