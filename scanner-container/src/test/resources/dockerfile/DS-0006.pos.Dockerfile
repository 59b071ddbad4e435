FROM golang:1.22 AS build
USER app
COPY --from=build /a /b
