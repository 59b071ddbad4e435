FROM centos:stream9
USER app
RUN yum install -y httpd && yum clean all
