"""``python -m chile_trade``: the same as the ``chile-trade`` command."""

import sys

from chile_trade.cli import main

sys.exit(main())
