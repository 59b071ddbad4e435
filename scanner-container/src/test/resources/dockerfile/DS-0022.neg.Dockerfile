FROM alpine:3.21
LABEL org.opencontainers.image.authors=someone@example.com
USER app
