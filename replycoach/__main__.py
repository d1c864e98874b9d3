import sys

from replycoach.cli import main

sys.exit(main())
