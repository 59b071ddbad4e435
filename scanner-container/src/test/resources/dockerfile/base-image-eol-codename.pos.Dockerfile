FROM python:3.11-slim-buster
USER app
