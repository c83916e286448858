"""The Flags page, the flag banner at the top of the window, and the "About these flags" dialog."""
