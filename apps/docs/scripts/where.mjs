#!/usr/bin/env node
// Prints where the docs site is (after `turbo run docs`, whose own output is quiet when cached).
import { join } from "node:path";
import { DEFAULT_SITE_DIR } from "../dist/lib/index.js";
import { describeSite } from "./describe.mjs";

console.log(await describeSite(join(DEFAULT_SITE_DIR, "index.html")));
