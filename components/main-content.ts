/** The id of every page's <main>: the skip link's target (components/skip-link.tsx). */
export const MAIN_CONTENT_ID = "main-content";
