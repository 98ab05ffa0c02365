export { priceMicros, describePrice } from './price';
export { estimateFromPrice, unknownCost, sumEstimates } from './estimate';
export { megapixels } from './units';
export { formatEstimate, estimateUsd, costLogLine } from './format';
export { budgetFromEnv, BUDGET_VARIABLE, DEFAULT_BUDGET_USD, ALLOW_UNKNOWN_VARIABLE, type Budget } from './budget';
export { RunLedger, type LedgerEntry, type ActualEntry } from './ledger';
