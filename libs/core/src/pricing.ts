import type { Micros } from './money';

/** What one unit of a price buys. */
export type PriceUnit = 'image' | 'megapixel' | 'second' | 'minute' | '1k-characters' | '1k-tokens' | 'request';

/** A price read on the provider's own pages: dollars per unit, with the date it was read. */
export interface KnownPrice {
  /** Dollars per unit as a decimal string, e.g. "0.055". */
  usd: string;
  unit: PriceUnit;
  /** Date (YYYY-MM-DD) the price was last checked against the provider's pricing page. */
  checkedOn: string;
  /** Where the price was read. */
  source?: string;
  /** Anything a reader must know: e.g. "per second of output video, doubled with audio". */
  note?: string;
  unknown?: never;
}

/**
 * A price that could not be verified: never a guess, never $0. Every estimate made at it is
 * unknown (with `reason`), so a live run refuses the call under a budget unless unknown costs
 * are allowed (BOARDS_LIVE_ALLOW_UNKNOWN_COST=1).
 */
export interface UnknownPrice {
  unknown: true;
  /** Why no price could be verified, e.g. "fal's pages publish none for this endpoint". */
  reason: string;
  /** Date (YYYY-MM-DD) the provider's pages were last searched for a price. */
  checkedOn: string;
  /** Where a price was looked for. */
  source?: string;
  /**
   * The unit the provider bills in, when that much is known: the estimate counts its quantity
   * (seconds, megapixels, characters) already, so verifying the price later changes one line.
   */
  unit?: PriceUnit;
  note?: string;
  usd?: never;
}

/** What a generator costs: a verified price per unit, or `unknown` with the reason. */
export type Price = KnownPrice | UnknownPrice;

/** True for a verified price (dollars per unit); false for an unknown one. */
export function isKnownPrice(price: Price): price is KnownPrice {
  return price.unknown !== true;
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
