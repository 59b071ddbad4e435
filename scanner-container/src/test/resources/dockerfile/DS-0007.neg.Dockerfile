FROM alpine:3.21 AS a
ENTRYPOINT ["/a"]
FROM alpine:3.21
USER app
ENTRYPOINT ["/b"]
