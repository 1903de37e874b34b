/** Most instances one page of a list returns. */
export const MAX_PAGE_SIZE = 1_000;
/** Most history events one call returns: enough for a long instance at once. */
export const MAX_HISTORY_PAGE = 10_000;
