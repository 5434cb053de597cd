// Bundle entry.js into src/actorgraph/web/vendor/sigma/ and copy the licence of every
// package the bundle holds to src/actorgraph/web/vendor/<package>/LICENSE.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "src", "actorgraph", "web", "vendor");
const bundle = join(vendor, "sigma", "sigma-graphology.min.js");

const result = await build({
  entryPoints: [join(here, "entry.js")],
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2020",
  legalComments: "none",
  metafile: true,
  outfile: bundle,
  logLevel: "warning",
});

const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) packages.set(m[1], join(here, "node_modules", m[1]));
}
const lines = [];
for (const [name, dir] of [...packages].sort()) {
  const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const licence = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  if (!licence) throw new Error(`${name} ships no licence file`);
  const out = join(vendor, name);
  mkdirSync(out, { recursive: true });
  copyFileSync(join(dir, licence), join(out, "LICENSE"));
  lines.push(`${name}\t${meta.version}\t${meta.license}`);
}
writeFileSync(join(vendor, "sigma", "PACKAGES.tsv"), `package\tversion\tlicense\n${lines.join("\n")}\n`);
console.log(lines.join("\n"));
