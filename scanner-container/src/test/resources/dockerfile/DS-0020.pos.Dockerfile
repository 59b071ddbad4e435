FROM opensuse/leap:15.6
USER app
RUN zypper install -y httpd
