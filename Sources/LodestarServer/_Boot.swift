enum _PlaceholderLodestarServer {}
