FROM alpine:3.21
USER app
RUN cd /usr/src && make
