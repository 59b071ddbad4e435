FROM alpine:3.21
USER app
RUN sudo apk add --no-cache git
