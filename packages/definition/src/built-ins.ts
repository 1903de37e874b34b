/** Activities every worker provides without registration. */
export const BUILT_IN_ACTIVITIES = ["http", "transform"] as const;
export type BuiltInActivity = (typeof BUILT_IN_ACTIVITIES)[number];
