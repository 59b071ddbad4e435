FROM alpine:3.21 AS build
USER root
FROM alpine:3.21
USER app
