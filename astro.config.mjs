// The portal's pages (portal/src), built into dist/ at install (npm's prepare) and served by the Hono
// server through @astrojs/node in middleware mode: Astro renders GETs, Hono handles every form POST.
import node from "@astrojs/node";
import { defineConfig } from "astro/config";

export default defineConfig({
  srcDir: "./portal/src",
  publicDir: "./portal/public",
  outDir: "./dist",
  output: "server",
  adapter: node({ mode: "middleware" }),
  security: { checkOrigin: true },
  build: { inlineStylesheets: "never" },
  devToolbar: { enabled: false },
});
