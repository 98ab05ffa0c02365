export { priceMicros, describePrice, shortPrice, unitRate, unknownPrice } from './price';
export { estimateFromPrice, unknownCost, sumEstimates } from './estimate';
export { megapixels, seconds } from './units';
export { formatEstimate, formatTotal, estimateUsd, costLogLine } from './format';
export { budgetFromEnv, BUDGET_VARIABLE, DEFAULT_BUDGET_USD, REHEARSAL_BUDGET_USD, ALLOW_UNKNOWN_VARIABLE, type Budget } from './budget';
export { RunLedger, type LedgerEntry, type ActualEntry } from './ledger';
export {
  capsFromEnv,
  ledgerDirFromEnv,
  periodsAt,
  DAILY_CAP_VARIABLE,
  MONTHLY_CAP_VARIABLE,
  LEDGER_DIR_VARIABLE,
  LEDGER_URL_VARIABLE,
  type Caps,
} from './caps';
export { CapLedger, renderCaps, type CapReservation, type CapStore, type CapsSummary, type CapNamespace } from './cap-ledger';
export { DirectoryCapStore } from './cap-store-dir';
export { RedisCapStore } from './cap-store-redis';
export { capLedgerFromEnv } from './cap-ledger-from-env';
