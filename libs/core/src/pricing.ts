import type { Micros } from './money';

/** What one unit of a price buys. */
export type PriceUnit = 'image' | 'megapixel' | 'second' | 'minute' | '1k-characters' | '1k-tokens' | 'request';

export interface Price {
  /** Dollars per unit as a decimal string, e.g. "0.055". */
  usd: string;
  unit: PriceUnit;
  /** Date (YYYY-MM-DD) the price was last checked against the provider's pricing page. */
  checkedOn: string;
  /** Where the price was read. */
  source?: string;
  /** Anything a reader must know: e.g. "per second of output video, doubled with audio". */
  note?: string;
}

export type CostEstimate =
  | {
      known: true;
      micros: Micros;
      /** Human-readable derivation, e.g. "2 image x $0.039". */
      basis: string;
    }
  | {
      known: false;
      /** Why the cost cannot be estimated. Unknown is never reported as $0. */
      reason: string;
    };

/** Cost the provider itself reported after the call (Replicate metrics, fal billable units, OpenAI usage). */
export interface ActualCost {
  micros?: Micros;
  /** The raw quantity the provider reported, e.g. "predict_time=1.2s" or "billable_units=1". */
  reported: string;
}
