FROM alpine:3.21
USER app
ADD app.jar /app/
