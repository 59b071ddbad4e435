FROM alpine:3.21
USER app
CMD ["a"]
CMD ["b"]
