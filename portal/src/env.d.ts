/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    portal: import("../server/portal-locals.ts").PortalLocals;
  }
}
