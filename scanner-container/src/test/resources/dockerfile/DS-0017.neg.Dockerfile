FROM debian:12
USER app
RUN apt-get update && apt-get install -y --no-install-recommends curl
