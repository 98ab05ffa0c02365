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

/** One unit price in micro-dollars: what an estimate was made at, and what billed units are worth. */
export interface UnitRate {
  unit: PriceUnit;
  micros: Micros;
}

export type CostEstimate =
  | {
      known: true;
      micros: Micros;
      /** Human-readable derivation, e.g. "2 image x $0.039". */
      basis: string;
      /**
       * The one unit price the estimate was made at (the input's price: a 4K or HD tier, an audio
       * rate), absent for a sum of several prices. The provider's billed units are priced at it.
       */
      rate?: UnitRate;
    }
  | {
      known: false;
      /** Why the cost cannot be estimated. Unknown is never reported as $0. */
      reason: string;
    };

/** A quantity the provider reported billing (or producing), in a price unit. */
export interface BilledQuantity {
  unit: PriceUnit;
  quantity: number;
  /** What was counted in the provider's answer: "predict_time", "output files", "x-fal-billable-units". */
  what: string;
}

/** What the provider reported after the call (Replicate metrics, fal billable units, OpenAI usage), and the money it comes to. */
export interface ActualCost {
  /** The cost, when known: the provider's own money figure, or one derived from `billed` (see `source`). */
  micros?: Micros;
  /** The raw quantity the provider reported, e.g. "predict_time=1.2s" or "billable_units=1". */
  reported: string;
  /** Quantities the provider reported, for a cost derived from them at the estimate's rate. */
  billed?: BilledQuantity[];
  /** Where `micros` comes from: the provider's money figure, or billed units x the price. Absent without `micros`. */
  source?: 'reported' | 'derived';
  /** How a derived cost was computed, e.g. "1 image (output files) x $0.055". */
  basis?: string;
}
