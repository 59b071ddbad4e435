RUN echo before any FROM
