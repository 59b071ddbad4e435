FROM node:20.11.1 AS base
USER node
FROM base
CMD ["node", "app.js"]
