FROM alpine:3.21
USER app
WORKDIR /usr/src
RUN make
