FROM alpine:3.21@sha256:0123
USER app
