import sys

from doclint.cli import main

sys.exit(main())
