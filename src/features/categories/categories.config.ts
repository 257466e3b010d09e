// Settings of the category feature that the server and the CLI share.

/** The largest category file (CSV/XLSX) accepted in one import. */
export const MAX_CATEGORY_FILE_BYTES = 2 * 1024 * 1024;
