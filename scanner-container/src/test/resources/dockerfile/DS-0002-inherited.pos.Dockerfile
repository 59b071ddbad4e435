FROM node:20.11.1 AS base
USER node
FROM node:20.11.1
COPY --from=base /app /app
CMD ["node", "app.js"]
