// One TypeScript entry and everything it imports as one plain JavaScript module for Node, for the
// benches that load or run code without a loader beside it (bench-compare.ts, bench/instructions.ts).

/** Bundles `entry` into `outfile`; the packages in `external` stay imports. */
export async function bundleForNode(entry: string, outfile: string, external: string[] = []): Promise<void> {
  // Loaded when called: a child that runs a bundle never needs esbuild.
  const { build } = await import("esbuild");
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    external,
    logLevel: "warning",
    // Bundled CommonJS packages call require, which an ES module does not have.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
}
