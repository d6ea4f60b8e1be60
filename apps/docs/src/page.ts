import type { TryItModel } from "./try-it-model.js";

/** The meta tag naming the origin the page's first servers use; a server may put its own in its place. */
export const REFERENCE_ORIGIN_META = "bksops:reference-origin";

/** Where the page links its icon (next to it, so it works from a file, a static host and /docs/). */
export const FAVICON = "favicon.ico";

// Redoc's sidebar footer ("API docs by <logo>") loads its logo from cdn.redoc.ly even with
// --inlineBundle, and no option turns it off: an inline SVG takes its place.
const logo = (text: string, width: number) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16">` +
      `<text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">${text}</text></svg>`,
  )}`;
const CDN_LOGOS = new Map([
  ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", logo("Redocly", 52)],
  ["https://cdn.redoc.ly/redoc/logo-mini.svg", logo("R", 10)],
]);

/** JSON that is safe inside a `<script>` element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/** Scripts and stylesheets the page would load from another host (it must load none). */
export function remoteResources(html: string): string[] {
  return [
    ...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi),
  ].map((match) => match[1] as string);
}

export interface PageParts {
  /** Redocly's page. */
  html: string;
  model: TryItModel;
  /** The try-it panel's script and stylesheet. */
  script: string;
  style: string;
  referenceOrigin: string;
}

/**
 * Redocly's page with the site's parts added: the icon, the reference origin, the try-it panel
 * (its model as JSON, its script and style), and the CDN logos replaced. Throws if the page
 * would still load anything from another host.
 */
export function assemblePage({ html, model, script, style, referenceOrigin }: PageParts): string {
  let page = html;
  for (const [remote, inline] of CDN_LOGOS) page = page.replaceAll(remote, inline);
  const head = [
    `<meta name="${REFERENCE_ORIGIN_META}" content="${referenceOrigin}">`,
    `<link rel="icon" href="${FAVICON}" type="image/x-icon">`,
    `<style>${style}</style>`,
  ].join("\n");
  const body = [
    `<script type="application/json" id="bksops-try-it-model">${scriptJson(model)}</script>`,
    `<script>${script}</script>`,
  ].join("\n");
  if (!page.includes("</head>") || !page.includes("</body>"))
    throw new Error("Redocly's page has no </head> or </body>");
  page = page.replace("</head>", () => `${head}\n</head>`);
  const end = page.lastIndexOf("</body>");
  page = `${page.slice(0, end)}${body}\n${page.slice(end)}`;
  const remote = remoteResources(page);
  if (remote.length > 0) throw new Error(`the page would load remote resources:\n  ${remote.join("\n  ")}`);
  return page;
}
