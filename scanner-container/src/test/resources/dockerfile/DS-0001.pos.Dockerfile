FROM node
USER app
