/** The claim open beside the grid, and the source column whose cell opened it (null: the claim alone). */
export type OpenCell = { claimId: string; columnId: string | null };
