FROM alpine:3.21
USER app
RUN echo pseudo sudoers
