FROM ubi9/ubi-minimal:9.4
USER app
RUN microdnf install -y httpd && microdnf clean all
