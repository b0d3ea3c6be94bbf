"use client";

import { useEffect } from "react";

/**
 * Makes `title` the document's title once the page has hydrated. The root
 * not-found page (a URL no route matches) is served with the layout's default
 * <title> ahead of the one PageTitle renders, and a browser reads the first.
 */
export function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
