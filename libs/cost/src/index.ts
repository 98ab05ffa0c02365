export { priceMicros, describePrice } from './price';
export { estimateFromPrice, unknownCost, sumEstimates } from './estimate';
export { megapixels } from './units';
export { formatEstimate, estimateUsd, costLogLine } from './format';
// The budget ledger (reservations shared by every process of a live run) is added as its own module.
