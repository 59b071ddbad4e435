FROM alpine:3.21
USER app
ADD rootfs.tar.gz /
COPY app.jar /app/
