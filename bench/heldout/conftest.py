# These are command-line scripts that run on import: pytest (with --doctest-modules) must not
# import them even when pointed at bench/ explicitly. The default run (testpaths) never comes here.
collect_ignore_glob = ["*.py"]
