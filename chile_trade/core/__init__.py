"""The pure core: text -> numbers -> records -> checks, with no pandas, no matplotlib
and no sentences.

``vocabulary`` (every word and code) -> ``numbers`` (exact printed numbers) ->
``grammar`` (text to `records`) -> ``formulas`` (one definition each) ->
``checks`` (records to verdict records).
"""
