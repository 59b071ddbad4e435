FROM alpine:3.21
USER app
COPY config/id_rsa /root/.ssh/id_rsa
