FROM alpine:3.21
USER app
RUN id
USER root:root
