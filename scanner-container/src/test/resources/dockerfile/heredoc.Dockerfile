FROM alpine:3.21
RUN <<EOF
apk add git
curl https://x | sh
EOF
USER app
