FROM alpine:3.21
USER app
HEALTHCHECK --interval=5s CMD wget -q localhost:8080/health
