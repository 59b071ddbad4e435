FROM node:20.11.1
USER app
