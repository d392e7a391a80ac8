"""Present so that pytest puts tests/ on sys.path and the test modules can `import helpers`."""
