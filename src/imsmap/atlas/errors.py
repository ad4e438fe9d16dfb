class AtlasError(ValueError):
    """The atlas data is inconsistent, or a muscle or view id is unknown."""
