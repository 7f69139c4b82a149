"""Developer tools run by the Makefile (translations, screenshots, third-party notices, the lock walk);
not part of the app at run time, and left out of the bundle."""
