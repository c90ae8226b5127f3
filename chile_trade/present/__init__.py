"""The presentation edge: sentences, Persian numbers, figures, tables and the report.

``explain`` and ``numbers`` need no matplotlib; ``text`` (the two matplotlib
text paths), ``fonts``, ``charts``, ``display`` and ``report`` draw and lay out.
"""
