// Parse Mermaid files with Mermaid's own parser, the one GitHub's renderer runs.
//
// usage: node mermaid_parse.mjs NPM_DIR [--texts] FILE...
// NPM_DIR is where `make conformance-tools` installed mermaid and jsdom
// (.cache/npm). Prints one JSON object: file -> null when it parses, else the
// parser's message. With --texts, a file that parses maps to {"texts": {id:
// text}}: each node's label as a reader sees it, entity codes (#quot;) decoded
// the way Mermaid's renderer decodes them. Mermaid needs a DOM even to parse,
// so jsdom provides one.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [npmDir, ...rest] = process.argv.slice(2);
const texts = rest[0] === "--texts";
const files = texts ? rest.slice(1) : rest;
const require = createRequire(resolve(npmDir, "package.json"));
const { JSDOM } = require("jsdom");
const dom = new JSDOM("<!DOCTYPE html><body></body>", { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const name of ["DOMParser", "Element", "HTMLElement", "Node"]) {
  if (!(name in globalThis)) globalThis[name] = dom.window[name];
}
const { default: mermaid } = await import(pathToFileURL(require.resolve("mermaid")).href);
mermaid.initialize({ startOnLoad: false });

const results = {};
for (const file of files) {
  try {
    const source = readFileSync(file, "utf8");
    await mermaid.parse(source);
    results[file] = texts ? { texts: await nodeTexts(source) } : null;
  } catch (error) {
    results[file] = String((error && error.message) || error);
  }
}
process.stdout.write(JSON.stringify(results) + "\n");

// Each node's label as shown. The parser has already swapped #name; and #123;
// for placeholders, which Mermaid's decodeEntities turns into HTML entities.
async function nodeTexts(source) {
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  const shown = {};
  const element = dom.window.document.createElement("div");
  for (const [id, vertex] of diagram.db.getVertices()) {
    element.innerHTML = vertex.text.replace(/ﬂ°°/g, "&#").replace(/ﬂ°/g, "&").replace(/¶ß/g, ";");
    shown[id] = element.textContent;
  }
  return shown;
}
