"""Finding duplicate customers and merging them."""
