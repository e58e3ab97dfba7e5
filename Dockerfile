# The Archal GitHub App: `docker build -t archal-app .`, then
#   docker run -p 3000:3000 -v archal-data:/data \
#     -e APP_ID=… -e PRIVATE_KEY_PATH=/run/secrets/app.pem -e WEBHOOK_SECRET=… archal-app
# Add `--no-worker` / `--worker-only` after the image name to split receivers and workers (the command
# is `archal app start`; with ARCHAL_DATABASE_URL they share PostgreSQL and graphile-worker).

FROM node:24-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary matches; the build warms a code cache with git.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ git ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3 esbuild @swc/core
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund --ignore-scripts

FROM node:24-slim
# git: mirrors, worktrees and pushes; bash: workflow bash nodes; tini: signals reach the App (graceful stop).
RUN apt-get update \
  && apt-get install -y --no-install-recommends git ca-certificates tini \
  && rm -rf /var/lib/apt/lists/*
ENV HOST=0.0.0.0 \
    PORT=3000 \
    ARCHAL_HOME=/data \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json /app/app.yml ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/build ./build
COPY --from=build /app/bundled ./bundled
COPY --from=build /app/schema ./schema
RUN mkdir -p /data && chown node:node /data
# Not root: the App, its git and the agents it starts run as `node`.
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/github/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["tini", "--", "node", "bin/archal.js", "app", "start"]
