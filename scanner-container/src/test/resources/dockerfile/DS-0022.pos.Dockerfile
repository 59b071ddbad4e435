FROM alpine:3.21
MAINTAINER someone@example.com
USER app
