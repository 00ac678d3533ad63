args: explain DA-BIO-01
