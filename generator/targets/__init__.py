"""One renderer per target: IR in, ``{relative path: text}`` out. None of them touches the disk."""
