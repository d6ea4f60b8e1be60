# The reference server in a container: built from the lockfile, run as a non-root user.
#
#   docker build -t bk-sops-server .            (or podman build; see compose.yaml to run it)
#   docker run --rm -p 8000:8000 -v bk-sops-data:/data bk-sops-server
#
# NODE_IMAGE is the base of both stages: the official Node 20 image by default. Where no registry
# is reachable, container/local-base.sh builds a stand-in from Debian's packages and this machine's
# Node 20, and `--build-arg NODE_IMAGE=localhost/node20-debian:bookworm` uses it.
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- toolchain: compilers and pnpm, independent of the sources ------------------------------
FROM ${NODE_IMAGE} AS toolchain
# better-sqlite3 downloads a prebuilt binary when it can, and compiles itself when it cannot:
# the compilers are here for the second case.
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV CI=true TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
# pnpm, the version package.json pins (packageManager).
COPY package.json ./
RUN npm install --global --no-audit --no-fund --loglevel=error \
  "$(node -p 'require("./package.json").packageManager')"

# ---- build: the whole workspace, from the lockfile -------------------------------------------
FROM toolchain AS build
COPY . .
# Marks the build stage's images from here on (they change with every source change), so a
# builder's cache of them can be pruned: podman image prune --filter label=io.bksops.stage=build
LABEL io.bksops.stage=build
# node-gyp compiles against the headers of the Node it runs on (<prefix>/include/node) instead of
# downloading them; then the server, its workspace packages and the docs site are built. Last,
# node_modules is made again with the server's production dependencies only, offline from pnpm's
# store (a build cache: packages are downloaded and better-sqlite3 compiled once per builder).
RUN --mount=type=cache,id=bk-sops-pnpm-store,target=/root/.local/share/pnpm/store \
  export npm_config_nodedir="$(node -p 'require("node:path").resolve(process.execPath, "../..")')" \
  && pnpm install --frozen-lockfile --config.confirmModulesPurge=false \
  && pnpm turbo run build docs --filter=@bksops/server... --filter=@bksops/docs --ui=stream --output-logs=errors-only \
  && find . -name node_modules -type d -prune -exec rm -rf {} + \
  && pnpm install --frozen-lockfile --prod --offline --filter=@bksops/server... --config.confirmModulesPurge=false \
  && node -e 'require("/app/apps/server/node_modules/better-sqlite3")(":memory:").close()'

# ---- runtime: what `node apps/server/dist/index.js` reads, nothing else ----------------------
FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="bk-sops reference server" \
  org.opencontainers.image.description="The create_task toolkit's reference server of bk-sops (BlueKing Standard OPS)" \
  org.opencontainers.image.licenses=MIT \
  io.bksops.stage=runtime
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/apps/server/package.json ./apps/server/
COPY --from=build /app/apps/server/node_modules ./apps/server/node_modules
COPY --from=build /app/apps/server/dist ./apps/server/dist
COPY --from=build /app/apps/server/demo ./apps/server/demo
COPY --from=build /app/packages/api-types/package.json /app/packages/api-types/openapi.json ./packages/api-types/
COPY --from=build /app/packages/api-types/node_modules ./packages/api-types/node_modules
COPY --from=build /app/packages/api-types/dist ./packages/api-types/dist
COPY --from=build /app/packages/domain/package.json ./packages/domain/
COPY --from=build /app/packages/domain/dist ./packages/domain/dist
# The docs site (/docs/), built with the conformance of the reference server and the Prism mock.
COPY --from=build /app/apps/docs/dist/site ./apps/docs/dist/site
# /data holds the database (mount a volume there); /templates is where compose.yaml mounts
# TEMPLATES_DIR. Both belong to the unprivileged `node` user (uid 1000) of the Node image.
RUN mkdir -p /data /templates && chown node:node /data /templates
USER node
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8000 DATABASE_PATH=/data/bk-sops.sqlite
VOLUME ["/data"]
EXPOSE 8000
# Node's own fetch: the slim image has no curl or wget.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) ends it cleanly: requests in flight finish, the database is closed.
STOPSIGNAL SIGTERM
CMD ["node", "apps/server/dist/index.js"]
