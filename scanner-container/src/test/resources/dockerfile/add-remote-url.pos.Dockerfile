FROM alpine:3.21
USER app
ADD https://example.com/x.sh /x.sh
