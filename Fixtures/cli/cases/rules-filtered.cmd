args: rules --pack debt-risk --min-severity high
