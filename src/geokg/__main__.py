"""``python -m geokg``: the same as the ``geokg`` command."""

from geokg.cli import main

if __name__ == "__main__":
    main()
