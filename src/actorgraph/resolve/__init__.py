"""Cross-document identity: which actor each document's entity is, and facts across documents.

``identity`` (name folding, content-hash ids), ``keys`` (the name keys), ``match``
(scoring), ``resolver`` (at save time, reading stored actors through the ``index``
interface), ``decisions`` and ``edit`` (what users' merge/split/alias fixes mean),
``corroborate`` (facts stated by several documents). Pure logic: the store stands above
it, calls it and holds every row; nothing here imports the store or runs at import.
"""
