args: explain DA-BIO-001
