"""The YAML reader: argmap's own format, the only code that imports ruamel.yaml."""
