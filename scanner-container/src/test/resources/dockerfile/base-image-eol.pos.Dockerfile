FROM python:2.7-slim
USER app
