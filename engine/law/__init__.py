"""Law tables published by the Government, read into rules (``law appendices``)."""
