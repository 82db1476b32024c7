# Pathways: one image for every role (api, worker, migrate, all). Build:  docker build -t pathways .
# Run embedded (SQLite in /data):  docker run -p 3000:3000 -v pathways-data:/data -e SECRET_KEY=… pathways
# Scaled out (PostgreSQL + Redis, two API processes and a worker): see compose.yaml.

# --- build: all dependencies (TypeScript, native modules), compile to dist/, then drop dev packages
FROM node:20-bookworm-slim AS build
WORKDIR /app
# argon2 and better-sqlite3 fetch prebuilt binaries; these are only needed if they must compile.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# No install scripts of our own yet (prepare builds, and the sources are not copied at this point).
RUN npm ci --ignore-scripts && npm rebuild argon2 better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY server ./server
COPY web ./web
COPY shared ./shared
RUN npm run build && npm prune --omit=dev --ignore-scripts

# --- runtime: production dependencies, compiled code, the curated catalog and the web assets
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root catalog ./catalog
COPY --chown=root:root web ./web
# The code belongs to root and is read-only for the process; only /data is writable.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# No curl in the slim image: Node asks /readyz itself (database, migrations, Redis, catalog).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server/main.js"]
