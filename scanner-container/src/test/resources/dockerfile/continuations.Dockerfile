# syntax=docker/dockerfile:1
# escape=\

FROM debian:12 AS build
RUN apt-get update \
# a comment inside the continuation
    && apt-get install -y \

       build-essential
COPY --from=build --chown=app:app /src /dst
FROM scratch
COPY --from=build /out /
USER 10001
CMD ["/app", "--port", "8080"]
