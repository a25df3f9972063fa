from codevet.harness.cli import main

main()
