/** The search index's folder inside the output folder (and under the base path): Pagefind's standard place. */
export const SEARCH_FOLDER = 'pagefind'
