FROM fedora:40
USER app
RUN dnf install -y httpd
