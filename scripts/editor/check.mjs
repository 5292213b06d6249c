// Asks yaml-language-server (the server behind VS Code's YAML extension, Neovim's and
// Helix's YAML support) what an editor shows for portrules rule files, through the
// schema as a copied repository references it:
//
//   - every rule file given on the command line gets no diagnostics;
//   - a misspelt decision and a future `schema_version` do get one (so the check can fail);
//   - a bare cell value (`view: `) is offered `allow` and `deny`;
//   - hovering a key shows its description as Markdown.
//
// Usage (from the repository's top): node scripts/editor/check.mjs SCHEMA RULES.yaml...
// Each file is copied into a scratch repository laid out as `portrules init` lays one
// out (rules/<name>.yaml with its modeline, schemas/rules.schema.json), so the check
// covers the modeline that users get, not only this repository's.

import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

const [schemaPath, ...ruleFiles] = process.argv.slice(2);
if (!schemaPath || ruleFiles.length === 0) {
  console.error("usage: node scripts/editor/check.mjs SCHEMA RULES.yaml...");
  process.exit(2);
}

const require = createRequire(import.meta.url);
const serverMain = require.resolve("yaml-language-server/bin/yaml-language-server");

const scratch = mkdtempSync(join(tmpdir(), "portrules-editor-"));
mkdirSync(join(scratch, "rules"));
mkdirSync(join(scratch, "schemas"));
copyFileSync(schemaPath, join(scratch, "schemas", "rules.schema.json"));
const MODELINE = "# yaml-language-server: $schema=../schemas/rules.schema.json";

/** A rule file's text with the modeline `portrules init` writes as its first line. */
function withModeline(text) {
  const lines = text.split("\n");
  if (lines[0].startsWith("# yaml-language-server:")) lines.shift();
  return [MODELINE, ...lines].join("\n");
}

// ---- a minimal LSP client over stdio ----
const server = spawn(process.execPath, [serverMain, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
let buffer = Buffer.alloc(0);
let nextId = 1;
const pending = new Map();
const diagnostics = new Map();
const diagnosticWaiters = new Map();
const settings = { yaml: { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false } } };

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
function notify(method, params) {
  send({ method, params });
}
function onMessage(msg) {
  if (msg.id !== undefined && msg.method === undefined) {
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (p) msg.error ? p.reject(new Error(JSON.stringify(msg.error))) : p.resolve(msg.result);
    return;
  }
  if (msg.id !== undefined) {
    // A request from the server: configuration, capability registration, progress.
    const result = msg.method === "workspace/configuration" ? msg.params.items.map(() => settings.yaml) : null;
    send({ id: msg.id, result });
    return;
  }
  if (msg.method === "textDocument/publishDiagnostics") {
    diagnostics.set(msg.params.uri, msg.params.diagnostics);
    const waiter = diagnosticWaiters.get(msg.params.uri);
    if (waiter) {
      diagnosticWaiters.delete(msg.params.uri);
      waiter(msg.params.diagnostics);
    }
  }
}
server.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) return;
    const header = buffer.subarray(0, end).toString("ascii");
    const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
    if (buffer.length < end + 4 + length) return;
    const body = buffer.subarray(end + 4, end + 4 + length).toString("utf8");
    buffer = buffer.subarray(end + 4 + length);
    onMessage(JSON.parse(body));
  }
});

function withTimeout(promise, what, ms = 30000) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer from the language server: ${what}`)), ms)),
  ]);
}

let version = 0;
const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a document and waits for its diagnostics: the first report, then whatever the
 * server reports in the next moment (a report sent before the schema loaded would
 * otherwise pass for a clean file). */
async function open(name, text) {
  const path = join(scratch, "rules", name);
  writeFileSync(path, text);
  const uri = pathToFileURL(path).href;
  const waiting = new Promise((resolve) => diagnosticWaiters.set(uri, resolve));
  notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: ++version, text } });
  await withTimeout(waiting, `diagnostics for ${name}`);
  await settle(500);
  return { uri, diagnostics: diagnostics.get(uri) ?? [] };
}

const failures = [];
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

async function main() {
  await withTimeout(
    request("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(scratch).href,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
          hover: { contentFormat: ["markdown", "plaintext"] },
          publishDiagnostics: {},
        },
      },
    }),
    "initialize",
  );
  notify("initialized", {});
  notify("workspace/didChangeConfiguration", { settings });

  for (const file of ruleFiles) {
    const { diagnostics: found } = await open(basename(file), withModeline(readFileSync(file, "utf8")));
    check(found.length === 0, `${file}: no diagnostics${found.length ? ": " + JSON.stringify(found) : ""}`);
  }

  // A small file of our own for the rest, so that no shipped policy is pinned.
  const base = [
    MODELINE,
    "schema_version: 1",
    "name: editor-check",
    "version: 1.0.0",
    "title: Editor check",
    "actions:",
    "  view: {label: View, question: Can you view the order?, read_only: true}",
    "statuses:",
    "  open:",
    "    label: Open",
    "    description: Waiting.",
    "    permissions:",
    "      view: allow",
    "",
  ];
  const clean = await open("clean.yaml", base.join("\n"));
  check(clean.diagnostics.length === 0, `a valid small file gets no diagnostics: ${JSON.stringify(clean.diagnostics)}`);

  const misspelt = await open("misspelt.yaml", base.join("\n").replace("view: allow", "view: alow"));
  check(misspelt.diagnostics.length > 0, "a misspelt decision (`view: alow`) is flagged");

  const future = await open("future.yaml", base.join("\n").replace("schema_version: 1", "schema_version: 2"));
  check(
    future.diagnostics.some((d) => d.range.start.line === 1),
    `a future schema_version is flagged at its line: ${JSON.stringify(future.diagnostics)}`,
  );

  const blank = [...base.slice(0, -2), "      view: ", ""].join("\n");
  const cell = await open("cell.yaml", blank);
  const line = blank.split("\n").length - 2;
  const completion = await withTimeout(
    request("textDocument/completion", {
      textDocument: { uri: cell.uri },
      position: { line, character: "      view: ".length },
    }),
    "completion",
  );
  const labels = (Array.isArray(completion) ? completion : completion?.items ?? []).map((i) => i.label);
  check(labels.includes("allow") && labels.includes("deny"), `a bare cell value is offered allow and deny: ${JSON.stringify(labels)}`);

  const hover = await withTimeout(
    request("textDocument/hover", { textDocument: { uri: clean.uri }, position: { line: 2, character: 2 } }),
    "hover",
  );
  const contents = hover?.contents;
  const markdown = contents && contents.kind === "markdown" ? contents.value : "";
  check(markdown.includes("A short machine name for the policy"), `hovering \`name\` shows its description as Markdown: ${JSON.stringify(contents)}`);

  await withTimeout(request("shutdown", null), "shutdown");
  notify("exit", null);
}

main()
  .catch((e) => {
    failures.push(String(e));
    console.error(e);
  })
  .finally(() => {
    server.kill();
    if (failures.length) {
      console.error(`${failures.length} editor check(s) failed`);
      process.exit(1);
    }
    console.log("editor checks passed");
    process.exit(0);
  });
