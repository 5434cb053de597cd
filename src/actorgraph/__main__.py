"""`python -m actorgraph`: the same as the `actorgraph` command."""

from actorgraph.cli.main import main

main()
