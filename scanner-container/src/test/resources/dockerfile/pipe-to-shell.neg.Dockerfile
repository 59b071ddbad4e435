FROM alpine:3.21
USER app
RUN curl -fsSLo /tmp/x.sh https://example.com/x.sh && sha256sum -c x.sum && sh /tmp/x.sh
