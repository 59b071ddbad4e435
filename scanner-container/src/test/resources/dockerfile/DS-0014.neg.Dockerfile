FROM alpine:3.21
USER app
RUN curl -fsSLo /a https://x/a
RUN curl -fsSLo /b https://x/b
