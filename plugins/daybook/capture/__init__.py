"""`daybook capture`: follow a live blog over HTTP, or recover it from the Wayback Machine."""
