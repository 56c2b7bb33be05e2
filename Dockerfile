# Consult in a container: docs/DEPLOY.md explains the volumes, the fixed hostname and the proxy in front.
FROM node:20-slim

ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/var/lib/consult/store \
    BALLOT_KEY_FILE=/var/lib/consult-key/ballot.key

WORKDIR /app

# Dependencies first, so a code change does not reinstall them. tsx (a dependency) runs the TypeScript as is.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json manifest.json ./
COPY src ./src
COPY adapters ./adapters
COPY scripts ./scripts
COPY data/idm-history.json ./data/idm-history.json

# The store and the ballot key live in two volumes, so they are backed up (and leak) apart. The code stays
# root-owned: the bot's user can write its data and nothing else.
RUN mkdir -p /var/lib/consult/store /var/lib/consult-key \
    && chown -R node:node /var/lib/consult /var/lib/consult-key \
    && chmod 700 /var/lib/consult-key
USER node
VOLUME ["/var/lib/consult/store", "/var/lib/consult-key"]

EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# node itself as PID 1 (not npm), so docker stop's SIGTERM reaches it and the store lock is released.
CMD ["node", "--import", "tsx", "adapters/main.ts"]
