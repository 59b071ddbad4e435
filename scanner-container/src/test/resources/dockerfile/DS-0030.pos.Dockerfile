FROM alpine:3.21
USER app
WORKDIR /proc/self
