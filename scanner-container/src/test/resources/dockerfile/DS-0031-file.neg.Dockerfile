FROM alpine:3.21
USER app
COPY config/id_rsa.pub /home/app/.ssh/
