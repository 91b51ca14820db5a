from careerpath.cli import main

main()
