/** One value of the base calculation amount (BHM) of a country, in force from a date on. */
export interface BaseAmount {
  /** The id of the country tenant: `uz`. */
  country: string;
  /** `YYYY-MM-DD`: the value is in force from this day (in the tenant's time zone) until the next value's day. */
  effectiveFrom: string;
  /** Whole soums, > 0. */
  amount: number;
  /** Where the value comes from (the decree), or why it was added. */
  note: string | null;
  /** Who added it: a platform user's id, `system`, or the migration that seeded it. */
  createdBy: string;
  createdAt: Date;
}

/** A new BHM value, as a platform administrator adds it. */
export interface NewBaseAmount {
  country: string;
  effectiveFrom: string;
  amount: number;
  note?: string;
}
