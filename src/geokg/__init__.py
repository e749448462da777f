"""geokg."""
