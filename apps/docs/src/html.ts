/** Escapes text for HTML content and double-quoted attributes. */
export const esc = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Inline code, escaped. */
export const code = (text: string): string => `<code>${esc(text)}</code>`;

/**
 * Markdown's inline code spans (`x`) of a spec text, as HTML: the spec's prose is markdown, and
 * it lands inside the HTML tables the page adds to descriptions.
 */
export const inlineMarkdown = (text: string): string =>
  esc(text).replace(/`([^`]+)`/g, (_whole, inner: string) => `<code>${inner}</code>`);
