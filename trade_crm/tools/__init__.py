"""Developer tools run by the Makefile (translations, screenshots); not part of the app at run time."""
