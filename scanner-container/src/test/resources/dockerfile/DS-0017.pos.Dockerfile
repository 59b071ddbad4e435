FROM debian:12
USER app
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
