FROM alpine:3.21
USER app
RUN curl -fsSLo /a https://x/a
RUN wget -qO /b https://x/b
