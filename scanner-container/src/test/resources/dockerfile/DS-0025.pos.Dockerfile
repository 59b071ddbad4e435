FROM alpine:3.21
USER app
RUN apk add git
