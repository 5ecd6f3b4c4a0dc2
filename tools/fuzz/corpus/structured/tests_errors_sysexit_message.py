# SystemExit with message, exit code
import sys
def main():
    print("working")
    sys.exit("fatal: stopping")
main()
