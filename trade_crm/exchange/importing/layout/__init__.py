"""The layout of a file to import: which sheet holds the list, where its header row is, and which field each
column feeds (by header synonyms and by what its values look like); saved mappings for files seen before."""
