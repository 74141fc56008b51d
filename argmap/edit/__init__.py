"""Writing maps: new, add, rm, mv, fmt and watch.

Edits work on the file's text, never on a re-dumped tree: positions come from
composing the YAML with libyaml (:mod:`argmap.readers.yaml.source`), and an edit
splices lines in or out, so every byte it does not touch stays as it was.
"""
