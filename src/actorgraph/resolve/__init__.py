"""Cross-document identity: which actor each document's entity is, and facts across documents.

``keys`` (the name keys), ``match`` (scoring), ``resolver`` (at save time), ``decisions``
and ``edit`` (users' merge/split/alias fixes), ``corroborate`` (facts stated by several
documents). The store calls them; nothing here runs at import.
"""
