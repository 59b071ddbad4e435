FROM alpine:3.21
USER app
ENV APP_ENV=prod DB_PASSWORD="s3cr3t value"
