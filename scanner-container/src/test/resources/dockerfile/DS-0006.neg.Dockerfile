FROM golang:1.22 AS build
FROM alpine:3.21
USER app
COPY --from=build /a /b
