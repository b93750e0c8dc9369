from casualty.cli import main

main()
