"""Files kept with a customer or a timeline entry: the bytes once per content on disk, the rows in the book."""
