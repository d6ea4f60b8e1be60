/** Throws unless `text` is well-formed XML as far as tags, nesting and entities go (enough for JUnit). */
export function assertWellFormedXml(text: string): void {
  const body = text.replace(/^<\?xml[^>]*\?>\s*/, "");
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    checkText(body.slice(last, match.index));
    last = tag.lastIndex;
    const [, closing, name = "", , selfClosing] = match;
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
  }
  checkText(body.slice(last));
  if (stack.length > 0) throw new Error(`unclosed elements: ${stack.join(", ")}`);
}

function checkText(text: string): void {
  if (text.includes("<") || text.includes(">")) throw new Error(`markup outside a tag: ${text.slice(0, 80)}`);
  if (/&(?!amp;|lt;|gt;|quot;|apos;)/.test(text)) throw new Error(`bare & in: ${text.slice(0, 80)}`);
}
